"""The `ctx` an action receives: the SDK's four reporting methods plus `save_artifact` and
`output_dir` (DESIGN.md §3), and an export's data (`export_items`, `original_file`).

Every reporting method returns at once; reports reach the hub through a sink (the batching
reporter, or the console when the run has no hub), files through the run's uploader."""

import os

from .artifacts import file_data_uri
from .originals import remove_temp_dir

# log_message levels → the SDK's message contexts (info, success, warning, danger).
_MESSAGE_CONTEXT = {"debug": "info", "info": "info", "success": "success", "warning": "warning", "danger": "danger", "error": "danger"}
_LEVEL_EVENTS = ("debug", "info", "warning", "error")


class Context:
    def __init__(self, sink, files, export=None):
        self._sink = sink
        self._files = files
        self._export = export
        self.artifacts_dir = files.folder

    @property
    def output_dir(self):
        """The run's output folder: every file in it when the action ends is uploaded as an artifact
        (at its path inside the folder). Created on first use."""
        os.makedirs(self._files.folder, exist_ok=True)
        return self._files.folder

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
        """Copies `path` into the run's output folder as `name` (default: its file name; folders
        allowed, `data/part-1.jsonl`) and uploads it to the hub in the background; returns the
        stored path."""
        return self._files.save(path, name)

    def export_items(self, target=None, filter=None, page_size=None):
        """The export's items, fetched page by page as they are consumed (see export_items.py)."""
        return self._require_export().items(target, filter, page_size)

    def original_file(self, item, slot=None, dest=None):
        """Downloads an item's original file (its primary one, or the one in `slot`) to `dest`, or
        to a temporary path removed at the run's end; returns the path."""
        return self._require_export().original_file(item, slot, dest)

    def finish_files(self, deadline_seconds, upload_folder=True, abort=False):
        """The runtime's, at the action's end: uploads what is left and waits for the uploads."""
        try:
            self._files.finish(deadline_seconds, upload_folder, abort)
        finally:
            remove_temp_dir()

    def _require_export(self):
        if self._export is None:
            raise RuntimeError("this run has no hub to read export data from (set SYNAPSE_HOST and SYNAPSE_JOB_ID)")
        return self._export
