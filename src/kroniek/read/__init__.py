"""Read stage: .txt, .html and .jsonl inputs (files or directories) -> Pages or ReadErrors."""

from kroniek.read.reader import read_paths

__all__ = ["read_paths"]
