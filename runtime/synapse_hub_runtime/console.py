"""The runtime's own console lines (stderr), kept apart from the plugin's output."""

import sys


def warn(message: str) -> None:
    print(f"[synapse-hub-runtime] {message}", file=sys.stderr, flush=True)
