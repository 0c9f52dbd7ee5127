"""``python -m foiparse`` runs the command-line interface."""

from foiparse.cli import main

raise SystemExit(main())
