"""An item's original file, downloaded on demand: streamed to disk (never whole in memory), written
aside and renamed, retried on connection errors and 5xx. Signed file URLs need no token, and none is
sent: the URL alone is the permission."""

import http.client
import os
import re
import shutil
import tempfile
import time
from urllib.parse import urlsplit

REQUEST_TIMEOUT = 30.0
ATTEMPTS = 4
_UNSAFE = re.compile(r"[\\/\x00-\x1f\x7f]")
_temp_root = None


class OriginalFileError(Exception):
    """The original could not be downloaded; the message says which file and why."""


def download_original(entry, hub_origin, hub_prefix, dest, item_id):
    """Downloads `entry["url"]` to `dest` (a path) or to a fresh temporary file named after the
    original; returns the path. Temporary files are the caller's: move or delete them."""
    url = entry["url"]
    name = _safe_name(entry.get("file_name_original") or os.path.basename(urlsplit(url).path) or f"item-{item_id}")
    if dest is None:
        dest = os.path.join(tempfile.mkdtemp(prefix=f"{item_id}-", dir=_temp_dir()), name)
    dest = os.fspath(dest)
    os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
    parts = urlsplit(url if "://" in url else hub_origin + (hub_prefix + url if url.startswith("/") else "/" + url))
    problem = None
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(min(5.0, 0.5 * 2**attempt))
        try:
            status, why = _get_to(parts, dest)
        except (OSError, http.client.HTTPException) as error:
            problem = f"{type(error).__name__}: {error}"
            continue
        if status == 200:
            return dest
        problem = f"HTTP {status}{': ' + why if why else ''}"
        if status < 500 and status != 429:
            break
    raise OriginalFileError(f"cannot download the original {name} of item {item_id}: {problem}")


def _get_to(parts, dest):
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = kind(parts.netloc, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"User-Agent": "synapse-hub-runtime/1.0"})
        response = conn.getresponse()
        if response.status != 200:
            return response.status, response.read(500).decode("utf-8", "replace").strip()
        partial = f"{dest}.partial-{os.getpid()}"
        try:
            with open(partial, "wb") as out:
                shutil.copyfileobj(response, out, 1 << 20)
            os.replace(partial, dest)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        return 200, ""
    finally:
        conn.close()


def _safe_name(name):
    """A leaf file name: the hub's name is data, and must not climb out of the folder it lands in."""
    leaf = _UNSAFE.sub("_", str(name)).strip()
    return leaf if leaf not in ("", ".", "..") else "original"


def _temp_dir():
    global _temp_root
    if _temp_root is None:
        _temp_root = tempfile.mkdtemp(prefix="synapse-originals-")
    return _temp_root


def remove_temp_dir():
    """At the run's end: temporary originals the plugin did not move are removed."""
    if _temp_root is not None:
        shutil.rmtree(_temp_root, ignore_errors=True)
