from caseapp.cli import main

raise SystemExit(main())
