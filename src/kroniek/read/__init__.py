"""Read stage: .txt, .html and .jsonl inputs (files or directories) -> Pages or ReadErrors."""

from kroniek.read.reader import Limits, load_captures, read_paths

__all__ = ["Limits", "load_captures", "read_paths"]
