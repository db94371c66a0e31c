"""Where an action's weights come from: a model.json path, three numbers, or the reference model."""

import json
import os

# The boundary the generated blobs are drawn around (x + y = 0): good weights without training.
REFERENCE = (1.0, 1.0, 0.0)


def read_weights(spec):
    """`spec` is a path to a model.json written by train, "w0, w1, b", or empty for the reference model."""
    spec = str(spec or "").strip()
    if not spec:
        return REFERENCE
    if os.path.exists(spec):
        with open(spec) as f:
            weights = json.load(f)["weights"]
    else:
        try:
            weights = [float(part) for part in spec.split(",")]
        except ValueError:
            raise ValueError(f"weights must be a model.json path or three numbers 'w0, w1, b', got {spec!r}") from None
    if len(weights) != 3:
        raise ValueError(f"weights need exactly three numbers (w0, w1, b), got {len(weights)}")
    return tuple(float(w) for w in weights)
