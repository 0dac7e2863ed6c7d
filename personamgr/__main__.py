"""``python -m personamgr`` is the ``personamgr`` command."""

import sys

from personamgr.cli.main import main

sys.exit(main())
