"""The `ctx` an action receives: the SDK's four reporting methods plus `save_artifact` (DESIGN.md §3).

Every method returns at once; reports reach the hub through a sink (the batching reporter, or the
console when the run has no hub)."""

from .artifacts import file_data_uri, store_artifact

# log_message levels → the SDK's message contexts (info, success, warning, danger).
_MESSAGE_CONTEXT = {"debug": "info", "info": "info", "success": "success", "warning": "warning", "danger": "danger", "error": "danger"}
_LEVEL_EVENTS = ("debug", "info", "warning", "error")


class Context:
    def __init__(self, sink, artifacts_dir):
        self._sink = sink
        self.artifacts_dir = artifacts_dir

    def set_progress(self, current, total, step=None):
        self._sink.progress(current, total, step)

    def set_metrics(self, value, step=None):
        self._sink.metrics(value, step)

    def log(self, event, data, file=None):
        """Logs an event; `file` (a path) travels with it as a `data:` URI (at most 5 MiB)."""
        level = event if event in _LEVEL_EVENTS else "info"
        uri = None
        if file is not None:
            uri, problem = file_data_uri(file)
            if problem:
                self.log_message(f"{event}: {problem}; sent without the file", "warning")
        self._sink.log(str(event), data, level, uri)

    def log_message(self, message, level="info"):
        level = str(level).lower()
        context = _MESSAGE_CONTEXT.get(level, "info")
        # The entry's level is the hub's word (debug, info, success, warning, error).
        entry_level = "error" if context == "danger" else level if level in _MESSAGE_CONTEXT else "info"
        self._sink.log("message", {"context": context, "content": str(message)}, entry_level, None)

    def save_artifact(self, path, name=None):
        """Copies `path` into the run's artifacts folder, logs an `artifact` event; returns the stored path."""
        stored, info = store_artifact(path, self.artifacts_dir, name)
        self._sink.log("artifact", info, "info", None)
        return stored
