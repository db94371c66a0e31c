"""Reports to the hub from a background thread, so a plugin never waits on the network.

- At most one flush every `interval` (50 ms): the newest progress and metrics go in one
  `PATCH /jobs/{id}/`, log entries in `POST /logs/` batches of up to 1000 entries (and ~900 kB, under
  the hub's body cap); a backlog bigger than one batch is sent back to back, without waiting.
- A flush sends the pending PATCH (RUNNING first of all) before its logs; the final PATCH
  (SUCCEEDED, FAILED, STOPPED) goes only after every log entry, so the hub has the whole log when
  the run ends.
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
from .transport import GAVE_UP, SENT

DONE = "done"


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
        self._final = None  # the last PATCH (SUCCEEDED, FAILED or STOPPED), once close() is called
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
        """Queues the final report and waits (at most the deadline) until everything is sent; True if it was."""
        self._transport.start_deadline(deadline_seconds)
        with self._cond:
            # Kept apart from the pending PATCH, so an unsent RUNNING is never overwritten by the end.
            self._final = final_fields
            self._cond.notify()
        self._thread.join(deadline_seconds + 0.5)
        if self._thread.is_alive():  # stuck in a request the hub never answers
            self._give_up()
            return False
        return self._final is None and not self._logs and not self._patch

    def _run(self):
        try:
            self._loop()
        except Exception as error:  # a bug here must cost the reports, never the plugin
            warn(f"the reporter stopped: {type(error).__name__}: {error}")

    def _loop(self):
        last_flush = 0.0
        while True:
            with self._cond:
                while not (self._logs or self._patch or self._final is not None):
                    self._cond.wait()
                closing = self._final is not None
                backlog = len(self._logs) >= self._batch_entries
            wait = last_flush + self._interval - time.monotonic()
            if wait > 0 and not backlog and not closing:
                time.sleep(wait)  # lets more values coalesce into this flush
            last_flush = time.monotonic()
            outcome = self._flush_once()
            if outcome == GAVE_UP:
                self._give_up()
            if outcome != SENT:
                return

    def _flush_once(self):
        """One flush: the pending PATCH, one batch of logs, then the final PATCH once no log is left.
        SENT to go on, DONE after the final report, GAVE_UP when the exit deadline passed."""
        with self._cond:
            patch, self._patch = self._patch, {}
            entries = self._take_batch()
            final = self._final if not self._logs else None
        if patch and self._send_patch(patch) == GAVE_UP:
            with self._cond:
                self._patch = {**patch, **self._patch}
                self._logs.extendleft(reversed(entries))
            return GAVE_UP
        if entries and self._transport.send("POST", "/logs/", lambda: _join(entries)) == GAVE_UP:
            with self._cond:
                self._logs.extendleft(reversed(entries))
            return GAVE_UP
        if final is not None:
            if self._send_patch(final) == GAVE_UP:
                return GAVE_UP
            with self._cond:
                self._final = None
            return DONE
        return SENT

    def _send_patch(self, patch):
        body = lambda: dumps({k: v() if callable(v) else v for k, v in patch.items()}).encode()  # noqa: E731
        return self._transport.send("PATCH", self._job_path, body)

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
            left, fields = len(self._logs), sorted({*self._patch, *(self._final or {})})
        warn(f"the hub did not answer before the exit deadline; gave up {left} log entries and the fields {fields or 'none'}")


def _join(entries):
    return ("[" + ",".join(entries) + "]").encode()

