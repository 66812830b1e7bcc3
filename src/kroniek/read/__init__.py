"""Read stage: .txt, .html and .jsonl inputs (files or directories) -> Pages or ReadErrors."""

from kroniek.read.reader import Limits, read_paths

__all__ = ["Limits", "read_paths"]
