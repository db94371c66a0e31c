"""Uploads a run's files to the hub from a background thread, so `save_artifact` returns at once.

`PUT {hub}/api/v1/runs/{job}/artifacts/{name}` with the run token, `X-Artifact-Sha256` and the raw
bytes streamed from disk (never whole in memory). Connection errors, 5xx and 429 are retried with
the reporter's back-off (transport.py); any other refusal is not retried (sending the same bytes
again cannot fix it) and becomes a warning in the run's log. At most `max_queued` files wait; past
that `upload()` declines at once (the file is on disk: the run's end uploads it), so neither memory
nor the plugin waits on a slow or dead hub.

At the end (`start_closing`, then `join`) each file gets the exit deadline afresh while the hub
takes them, so a healthy hub receives a large output whole; once one file is given up (the hub is
away), the rest are given up at once: a dead hub costs the run at most the exit deadline.
"""

import json
import queue
import threading
import time
from urllib.parse import quote

from .console import warn
from .transport import DROPPED, GAVE_UP, SENT

_STOP = object()


class Uploader:
    def __init__(self, transport, job_id, warn_in_log, *, max_queued=64):
        self._transport = transport
        self._base = f"/api/v1/runs/{quote(job_id, safe='')}/artifacts/"
        self._warn_in_log = warn_in_log
        self._queue = queue.Queue(maxsize=max_queued)
        self._lock = threading.Lock()
        self.sent, self.refused, self.given_up = [], [], []
        self._aborted = False
        self._window = None  # seconds each file gets once closing started
        self._hub_away = False
        self._thread = threading.Thread(target=self._run, name="synapse-hub-uploader", daemon=True)
        self._thread.start()

    def upload(self, local_path, name, size, sha256, wait=False) -> bool:
        """Queues one file (its size and sha256 known); False when the queue is full (unless `wait`)."""
        try:
            self._queue.put((local_path, name, size, sha256), block=wait)
        except queue.Full:
            return False
        return True

    def start_closing(self, deadline_seconds, abort=False) -> None:
        """From now on failing uploads are given up after the deadline (`abort`: nothing more is sent)."""
        self._window = deadline_seconds
        self._aborted = abort
        self._transport.start_deadline(deadline_seconds)

    def join(self) -> None:
        """Waits until every queued file is sent or given up (bounded: see the module's docstring)."""
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self):
        while True:
            job = self._queue.get()
            if job is _STOP:
                return
            try:
                self._send(*job)
            except Exception as error:  # a bug here must cost this file, never the plugin
                warn(f"uploading {job[1]} failed: {type(error).__name__}: {error}")
                self.given_up.append(job[1])

    def _send(self, local_path, name, size, sha256):
        if self._aborted or self._hub_away:
            self.given_up.append(name)
            return
        if self._window is not None:
            self._transport.deadline = time.monotonic() + self._window
        headers = {"Content-Type": "application/octet-stream", "Content-Length": str(size), "X-Artifact-Sha256": sha256}
        path = self._base + quote(name, safe="/")
        outcome = self._transport.send("PUT", path, lambda: _Limited(open(local_path, "rb"), size), headers)
        if outcome == SENT:
            self.sent.append(name)
        elif outcome == DROPPED:
            status, text = self._transport.last_refusal or (0, "")
            self.refused.append(name)
            self._warn_in_log(f"The hub refused the artifact {name} (HTTP {status}): {_reason(text)}")
        elif outcome == GAVE_UP:
            self._hub_away = True
            self.given_up.append(name)
            warn(f"gave up uploading {name}: the hub did not take it before the exit deadline")


def _reason(text):
    """The problem+json `detail` (or `title`) of a refusal, else its first line."""
    try:
        body = json.loads(text)
        if isinstance(body, dict):
            return str(body.get("detail") or body.get("title") or text)[:500]
    except ValueError:
        pass
    return (text.strip().splitlines() or ["no answer body"])[0][:500]


class _Limited:
    """An open file read up to `size` bytes: the Content-Length sent, even when the plugin appends to the
    file after saving it (more bytes would arrive as garbage on the kept-alive connection)."""

    def __init__(self, f, size):
        self._f = f
        self._left = size

    def read(self, n=-1):
        if self._left <= 0:
            return b""
        chunk = self._f.read(self._left if n is None or n < 0 else min(n, self._left))
        self._left -= len(chunk)
        return chunk

    def close(self):
        self._f.close()
