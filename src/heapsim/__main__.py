"""``python -m heapsim`` is the same program as the ``heapsim`` console script."""

import sys

from heapsim.tools.cli import main

sys.exit(main())
