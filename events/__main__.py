"""``python -m events``: see ``events.cli``."""

from events.cli import main

raise SystemExit(main())
