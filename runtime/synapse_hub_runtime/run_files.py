"""The run's files: one folder (SYNAPSE_ARTIFACTS_DIR, also `ctx.output_dir`) whose every file is an
artifact of the run.

- `save(path, name)` copies a file there (or only hashes it when it is there already) and, with a
  hub, queues its upload at once (when the queue has room; else the end uploads it).
- `finish()`, when the action ends and before its final report, uploads every file in the folder
  not uploaded yet as it is now (an export writes its output there and never calls save_artifact),
  then waits for the uploads: a finished run lists all its files.
- Without a hub (a run by hand) files are only kept in the folder, as before uploads existed.
"""

import os

from .artifacts import artifact_name, file_digest, store_artifact, walk_files
from .console import warn


class RunFiles:
    def __init__(self, folder, uploader=None, announce=None):
        self.folder = folder
        self._uploader = uploader
        self._announce = announce  # console mode: prints what was stored
        # name -> (size, mtime_ns) of the version queued for upload, so finish() skips it.
        self._queued = {}

    def save(self, path, name=None):
        path = os.fspath(path)
        if name is None:
            name = self._name_inside(path)
        stored, info = store_artifact(path, self.folder, name)
        self._queue(stored, info)
        return stored

    def finish(self, deadline_seconds, upload_folder=True, abort=False):
        if self._uploader is None:
            return
        self._uploader.start_closing(deadline_seconds, abort=abort)
        if upload_folder and os.path.isdir(self.folder):
            for name, full in walk_files(self.folder):
                try:
                    if self._queued.get(name) == _stamp(full):
                        continue
                    artifact_name(name)
                    size, digest = file_digest(full)
                except ValueError as error:
                    warn(f"not uploaded: {error}")
                    continue
                except OSError as error:
                    warn(f"not uploaded: cannot read {name}: {error.strerror}")
                    continue
                self._queue(full, {"name": name, "size": size, "sha256": digest}, wait=True)
        self._uploader.join()
        if self._uploader.given_up:
            warn(f"{len(self._uploader.given_up)} files were not uploaded: {', '.join(self._uploader.given_up[:10])}")

    def _queue(self, stored, info, wait=False):
        if self._uploader is None:
            if self._announce:
                self._announce(info)
            return
        stamp = _stamp(stored)
        # Declined (the queue is full): the file is in the folder, and finish() uploads it.
        if self._uploader.upload(stored, info["name"], info["size"], info["sha256"], wait=wait):
            self._queued[info["name"]] = stamp

    def _name_inside(self, path):
        """A file already in the folder keeps its place there (`output_dir/data/a.jsonl` → `data/a.jsonl`)."""
        full, root = os.path.realpath(path), os.path.realpath(self.folder)
        if full.startswith(root + os.sep):
            return os.path.relpath(full, root).replace(os.sep, "/")
        return os.path.basename(path)


def _stamp(path):
    status = os.stat(path)
    return (status.st_size, status.st_mtime_ns)
