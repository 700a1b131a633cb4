from caseworker_app.cli import main

raise SystemExit(main())
