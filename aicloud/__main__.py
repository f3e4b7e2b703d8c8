"""Command line: `python -m aicloud COMMAND --help` for each command."""

from __future__ import annotations

import sys

from aicloud.cli import main

if __name__ == "__main__":
    sys.exit(main())
