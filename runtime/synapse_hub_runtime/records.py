"""The latest progress and metrics, turned into the SDK's `progress_record` / `metrics_record` shapes
(DESIGN.md §3, the newer `steps` spelling) only when a report is actually sent: a plugin may call
set_progress thousands of times a second, and only the last value before each flush matters."""

import threading
import time

from .jsonsafe import sanitize

DEFAULT_STEP = "default"


class Records:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._steps = {}  # step -> [current, total, started_at, current_at_start]
        self._current = None
        self._metrics = {}

    def set_progress(self, current, total, step=None):
        current, total = float(current), float(total)
        step = str(step) if step else DEFAULT_STEP
        with self._lock:
            known = self._steps.get(step)
            if known is None:
                self._steps[step] = [current, total, self._clock(), current]
            else:
                known[0], known[1] = current, total
            self._current = step

    def set_metrics(self, value, step=None):
        if not isinstance(value, dict):
            raise TypeError(f"set_metrics expects a dict of values, got {type(value).__name__}")
        step = str(step) if step else DEFAULT_STEP
        with self._lock:
            self._metrics.setdefault(step, {}).update(value)

    def progress_record(self):
        with self._lock:
            now = self._clock()
            steps = {name: _step(state, now) for name, state in self._steps.items()}
            current = self._current
        if current is None:
            return None
        overall = round(sum(s["percent"] for s in steps.values()) / len(steps), 2)
        return {
            "record": {"steps": steps},
            "current_progress": {"overall": overall, "step": current, **steps[current]},
        }

    def metrics_record(self):
        with self._lock:
            return {"record": {"steps": sanitize(self._metrics)}}


def _step(state, now):
    current, total, started_at, start_value = state
    percent = 0.0 if total <= 0 else max(0.0, min(100.0, 100.0 * current / total))
    if current >= total > 0:
        remaining = 0.0
    elif current > start_value:
        # The step's own pace since its first report, projected over what is left.
        remaining = round((now - started_at) * (total - current) / (current - start_value), 2)
    else:
        remaining = None
    return {"percent": round(percent, 2), "time_remaining": remaining}
