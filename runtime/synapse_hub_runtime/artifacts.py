"""Files that leave the plugin: artifacts copied into the run's folder, and files attached to log events."""

import base64
import hashlib
import mimetypes
import os

MAX_LOG_FILE_BYTES = 5 * 1024 * 1024


def store_artifact(path, artifacts_dir, name=None):
    """Copies `path` to `artifacts_dir/name` (written aside, then renamed); returns (stored path, {name, size, sha256})."""
    name = os.path.basename(os.fspath(path)) if name is None else str(name)
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"an artifact name must be a plain file name, got {name!r}")
    os.makedirs(artifacts_dir, exist_ok=True)
    target = os.path.join(artifacts_dir, name)
    digest = hashlib.sha256()
    size = 0
    partial = f"{target}.partial-{os.getpid()}"
    with open(path, "rb") as source, open(partial, "wb") as out:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    os.replace(partial, target)
    return target, {"name": name, "size": size, "sha256": digest.hexdigest()}


def file_data_uri(path):
    """(`data:` URI, None), or (None, why not) for a file that is missing or over the size cap."""
    try:
        size = os.path.getsize(path)
        if size > MAX_LOG_FILE_BYTES:
            return None, f"{os.path.basename(path)} is {size} bytes, over the {MAX_LOG_FILE_BYTES} byte limit"
        with open(path, "rb") as f:
            content = f.read()
    except OSError as error:
        return None, f"cannot read {path}: {error.strerror}"
    kind = mimetypes.guess_type(os.fspath(path))[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}", None
