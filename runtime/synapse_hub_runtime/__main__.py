"""`python -m synapse_hub_runtime`: the command the hub's local backend launches."""

import sys

from .main import main

sys.exit(main())
