"""PyInstaller entry point: the frozen ``caseworker`` program is exactly the ``caseworker`` command line."""

from __future__ import annotations

import sys

from caseworker_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
