"""Where a Context's reports go: the hub (batched) or, for a run by hand, the console."""

import json

from .entries import encode_entry
from .jsonsafe import sanitize
from .records import DEFAULT_STEP, Records


class HubSink:
    def __init__(self, reporter, job_id):
        self._reporter = reporter
        self._job_id = job_id
        self.records = Records()

    def progress(self, current, total, step):
        self.records.set_progress(current, total, step)
        self._reporter.patch(progress_record=self.records.progress_record)

    def metrics(self, value, step):
        self.records.set_metrics(value, step)
        self._reporter.patch(metrics_record=self.records.metrics_record)

    def log(self, event, data, level, file_uri):
        self._reporter.log(encode_entry(self._job_id, event, data, level, file_uri))


class ConsoleSink:
    def progress(self, current, total, step):
        percent = 100.0 * float(current) / float(total) if float(total) > 0 else 0.0
        print(f"[progress] {step or DEFAULT_STEP} {current}/{total} ({percent:.1f}%)", flush=True)

    def metrics(self, value, step):
        if not isinstance(value, dict):
            raise TypeError(f"set_metrics expects a dict of values, got {type(value).__name__}")
        print(f"[metrics] {step or DEFAULT_STEP} {json.dumps(sanitize(value))}", flush=True)

    def log(self, event, data, level, file_uri):
        if event == "message" and isinstance(data, dict):
            text = data.get("content")
        else:
            text = json.dumps(sanitize(data))
            if file_uri:
                text += f" (+ file, {len(file_uri)} bytes as a data: URI)"
        print(f"[{event if event != 'message' else level}] {text}", flush=True)
