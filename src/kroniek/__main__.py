"""Run the kroniek CLI as ``python -m kroniek``."""

from kroniek.cli import main

main()
