"""Entry script of the frozen `caseapp` command line (packaging/casedesk.spec)."""

import sys

from caseapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
