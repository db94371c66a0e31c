"""JSON the hub can always parse: NaN/Infinity become null (a NaN loss is common in training, and
Python would otherwise emit the invalid token `NaN`, making the hub refuse the whole batch), and
values JSON does not know (numpy scalars and arrays, paths, sets, dates) become their nearest form."""

import json
import math
from datetime import date, datetime

# ASCII output: an entry's length in characters is its size in bytes, which batching relies on.
_compact = {"separators": (",", ":")}


def dumps(value) -> str:
    try:
        return json.dumps(value, allow_nan=False, default=_fallback, **_compact)
    except (ValueError, RecursionError):
        return json.dumps(sanitize(value), allow_nan=False, default=str, **_compact)


def sanitize(value, depth=0):
    """A copy of `value` made only of JSON types, with non-finite floats as None."""
    if depth > 100:
        return str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): sanitize(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [sanitize(v, depth + 1) for v in value]
    converted = _fallback(value)
    return converted if isinstance(converted, str) else sanitize(converted, depth + 1)


def _fallback(value):
    if hasattr(value, "tolist"):  # numpy arrays and scalars, without importing numpy
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)
