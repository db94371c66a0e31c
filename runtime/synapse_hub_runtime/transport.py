"""HTTP to the hub: one keep-alive connection, and a retry policy that never gives up early nor
hangs the plugin at exit.

Connection errors, 5xx and 429 are retried with exponential back-off capped at 5 s (a longer
`Retry-After` is honoured, up to 30 s); any other answer outside 2xx drops the request with a
console warning, since sending it again cannot fix it. Retries go on until `deadline` (set when the
runtime starts exiting), so a dead hub costs a run at most that long.
"""

import http.client
import random
import threading
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from .console import warn

SENT, DROPPED, GAVE_UP = "sent", "dropped", "gave_up"
REQUEST_TIMEOUT = 10.0
BACKOFF_START, BACKOFF_CAP, RETRY_AFTER_CAP = 0.1, 5.0, 30.0
USER_AGENT = "synapse-hub-runtime/1.0"


class Transport:
    def __init__(self, base_url: str, token: str):
        parts = urlsplit(base_url)
        self._https = parts.scheme == "https"
        self._netloc = parts.netloc
        self._prefix = parts.path.rstrip("/")
        self._headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
        if token:
            self._headers["Authorization"] = f"Token {token}"
        self._conn = None
        self.last_refusal = None
        self.last_answer = b""
        # Set when the runtime starts exiting: back-off sleeps wake up and every wait is capped by it.
        self.deadline = None
        self._closing = threading.Event()

    def start_deadline(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self._closing.set()

    def send(self, method: str, path: str, body, headers=None, give_up_after=None) -> str:
        """Sends `body()` (re-evaluated on every attempt, so a retried report carries the newest values).

        `body()` may return an open binary file instead of bytes: it is streamed (give its length in
        `headers`) and closed after the attempt. A refusal's status and the start of its answer stay
        in `last_refusal`, for callers that report it in their own words; a 2xx answer's body is in
        `last_answer` (a Transport serves one thread). `give_up_after` (seconds of failing) bounds
        the retries of a caller that waits for the answer, as a plugin reading pages does."""
        attempt = 0
        started = time.monotonic()
        failing = False
        fresh_retry = True
        while True:
            remaining = self._remaining()
            if remaining is not None and remaining <= 0:
                return GAVE_UP
            retry_after = None
            reused = self._conn is not None
            try:
                status, answer, text = self._request(method, path, body, headers, min(REQUEST_TIMEOUT, remaining or REQUEST_TIMEOUT))
            except (OSError, http.client.HTTPException) as error:
                self._close()
                if reused and fresh_retry:
                    # The hub may have closed an idle keep-alive connection: one immediate retry on a new one.
                    fresh_retry = False
                    continue
                problem = f"{type(error).__name__}: {error}"
            else:
                if 200 <= status < 300:
                    self.last_answer = text
                    if failing:
                        warn(f"{method} {path} delivered after {attempt} retries")
                    return SENT
                if status != 429 and status < 500:
                    self.last_refusal = (status, text[:2000].decode("utf-8", "replace"))
                    warn(f"{method} {path} answered {status}; dropping this {'upload' if method == 'PUT' else 'report'}")
                    return DROPPED
                problem = f"HTTP {status}"
                retry_after = _retry_after(answer.get("Retry-After"))
            if give_up_after is not None and time.monotonic() - started >= give_up_after:
                warn(f"{method} {path} failed ({problem}) for {give_up_after:.0f} s; giving up")
                self.last_refusal = (0, problem)
                return GAVE_UP
            if not failing or attempt % 10 == 0:
                warn(f"{method} {path} failed ({problem}); retrying")
            failing = True
            delay = min(BACKOFF_CAP, BACKOFF_START * 2**attempt) * (0.75 + random.random() / 2)
            if retry_after is not None:
                delay = max(delay, min(retry_after, RETRY_AFTER_CAP))
            attempt += 1
            self._sleep(delay)

    def _request(self, method, path, body, headers, timeout):
        if self._conn is None:
            kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            # 1 MiB blocks: a streamed upload costs a few thousand writes per GiB, not a hundred thousand.
            self._conn = kind(self._netloc, timeout=timeout, blocksize=1 << 20)
        else:
            self._conn.timeout = timeout
            if self._conn.sock is not None:
                self._conn.sock.settimeout(timeout)
        payload = body()
        try:
            self._conn.request(method, self._prefix + path, body=payload, headers={**self._headers, **(headers or {})})
        finally:
            if hasattr(payload, "close"):
                payload.close()
        response = self._conn.getresponse()
        text = response.read()
        if response.will_close:
            self._close()
        return response.status, response.headers, text

    def _close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _remaining(self):
        return None if self.deadline is None else self.deadline - time.monotonic()

    def _sleep(self, delay):
        remaining = self._remaining()
        if remaining is None:
            self._closing.wait(delay)
        else:
            time.sleep(max(0.0, min(delay, remaining)))


def _retry_after(value):
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
