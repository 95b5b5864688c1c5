"""``python -m casebook``: see :mod:`casebook.cli`."""

import sys

from casebook.cli import main

sys.exit(main())
