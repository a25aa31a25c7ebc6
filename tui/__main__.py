"""`python -m tui` is `study`."""

import sys

from .cli import main

sys.exit(main())
