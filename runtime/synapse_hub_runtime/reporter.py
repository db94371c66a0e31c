"""Reports to the hub from a background thread, so a plugin never waits on the network.

- At most one flush every `interval` (50 ms): the newest progress and metrics go in one
  `PATCH /jobs/{id}/`, log entries in `POST /logs/` batches of up to 1000 entries (and ~900 kB, under
  the hub's body cap); a backlog bigger than one batch is sent back to back, without waiting.
- A PATCH that sets RUNNING goes before the logs of its flush; the final PATCH (SUCCEEDED, FAILED,
  STOPPED) goes only after every log entry, so the hub has the whole log when the run ends.
- At most `max_pending` log entries wait in memory; beyond that the oldest are dropped and the
  count is reported in a warning entry once the hub answers again.
- `close()` gives the thread a deadline: whatever is not delivered by then is given up (with a
  console warning), so a dead hub never hangs the plugin.
"""

import threading
import time
from collections import deque

from .console import warn
from .entries import encode_entry
from .jsonsafe import dumps
from .transport import DROPPED, GAVE_UP, SENT

TERMINAL = ("SUCCEEDED", "FAILED", "STOPPED")


class Reporter:
    def __init__(self, transport, job_id, *, interval=0.05, batch_entries=1000, batch_bytes=900_000, max_pending=50_000):
        self._transport = transport
        self._job_id = job_id
        self._job_path = f"/jobs/{job_id}/"
        self._interval = interval
        self._batch_entries = batch_entries
        self._batch_bytes = batch_bytes
        self._max_pending = max_pending
        self._cond = threading.Condition()
        self._logs = deque()  # JSON-encoded entries, encoded once when logged
        self._patch = {}  # field -> value, or a callable giving the newest value at send time
        self._dropped = 0
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="synapse-hub-reporter", daemon=True)
        self._thread.start()

    def patch(self, **fields):
        with self._cond:
            self._patch.update(fields)
            self._cond.notify()

    def log(self, encoded_entry: str):
        with self._cond:
            self._logs.append(encoded_entry)
            if len(self._logs) > self._max_pending:
                self._logs.popleft()
                self._dropped += 1
            self._cond.notify()

    def close(self, deadline_seconds, **final_fields) -> bool:
        """Queues the final fields and waits (at most the deadline) until everything is sent; True if it was."""
        self._transport.start_deadline(deadline_seconds)
        with self._cond:
            self._patch.update(final_fields)
            self._closing = True
            self._cond.notify()
        self._thread.join(deadline_seconds + 0.5)
        return not self._thread.is_alive() and not self._logs and not self._patch

    def _run(self):
        last_flush = 0.0
        while True:
            with self._cond:
                while not (self._logs or self._patch or self._closing):
                    self._cond.wait()
                if self._closing and not (self._logs or self._patch):
                    return
                backlog = len(self._logs) >= self._batch_entries
            wait = last_flush + self._interval - time.monotonic()
            if wait > 0 and not backlog and not self._closing:
                time.sleep(wait)  # lets more values coalesce into this flush
            last_flush = time.monotonic()
            if not self._flush_once():
                self._give_up()
                return

    def _flush_once(self) -> bool:
        with self._cond:
            entries = self._take_batch()
            patch = self._patch
            status = str(patch.get("status", "")).upper()
            if status in TERMINAL and self._logs:
                patch = {}  # the final status waits for the rest of the log
            else:
                self._patch = {}
        if status not in TERMINAL and patch and not self._send_patch(patch):
            return False
        if entries and self._transport.send("POST", "/logs/", lambda: _join(entries)) == GAVE_UP:
            with self._cond:
                self._logs.extendleft(reversed(entries))
            return False
        if status in TERMINAL and patch and not self._send_patch(patch):
            return False
        return True

    def _send_patch(self, patch) -> bool:
        body = lambda: dumps({k: v() if callable(v) else v for k, v in patch.items()}).encode()  # noqa: E731
        outcome = self._transport.send("PATCH", self._job_path, body)
        if outcome == GAVE_UP:
            with self._cond:
                self._patch = {**patch, **self._patch}
        return outcome in (SENT, DROPPED)

    def _take_batch(self):
        entries = []
        if self._dropped:
            entries.append(self._dropped_notice())
        size = 0
        while self._logs and len(entries) < self._batch_entries:
            entry = self._logs[0]
            if entries and size + len(entry) > self._batch_bytes:
                break
            entries.append(self._logs.popleft())
            size += len(entry) + 1
        return entries

    def _dropped_notice(self):
        count, self._dropped = self._dropped, 0
        text = f"{count} log entries were dropped: more than {self._max_pending} were waiting for the hub"
        warn(text)
        return encode_entry(self._job_id, "message", {"context": "warning", "content": text}, "warning")

    def _give_up(self):
        with self._cond:
            left, fields = len(self._logs), sorted(self._patch)
        warn(f"the hub did not answer before the exit deadline; gave up {left} log entries and the fields {fields or 'none'}")


def _join(entries):
    return ("[" + ",".join(entries) + "]").encode()

