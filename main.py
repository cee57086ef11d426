"""CaseDesk: start the GUI. Start-up only; the logic lives in ui/app.py.

    python main.py [--db PATH_OR_URL] [--demo] [--self-test]
"""

import sys


def run() -> int:
    from ui.app import run as run_app

    return run_app(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run())
