"""Files that leave the plugin: artifacts copied into the run's folder, and files attached to log events."""

import base64
import hashlib
import mimetypes
import os
import re
import unicodedata

MAX_LOG_FILE_BYTES = 5 * 1024 * 1024
CHUNK = 1 << 20
# The hub's rule for an artifact path (lib/artifacts/artifact-path.ts), checked here first so a bad
# name fails in the plugin's own call, with its own traceback, not as a refused upload later.
MAX_PATH, MAX_SEGMENT_BYTES, MAX_DEPTH = 1024, 255, 32
_BAD_CHARACTERS = re.compile(r"[\\\x00-\x1f\x7f]")


def artifact_name(name) -> str:
    """`name` checked as an artifact path: `/`-separated segments, none empty, `.` or `..`, no
    backslash or control character (so it is the same file in the hub, its zip and any folder it is
    unpacked in). Returns it NFC-normalised; raises ValueError saying what is wrong."""
    text = unicodedata.normalize("NFC", os.fspath(name) if isinstance(name, os.PathLike) else str(name))
    segments = text.split("/")
    if not 1 <= len(text) <= MAX_PATH:
        raise ValueError(f"an artifact name must have 1 to {MAX_PATH} characters, got {text!r}")
    if len(segments) > MAX_DEPTH:
        raise ValueError(f"an artifact name must be at most {MAX_DEPTH} folders deep, got {text!r}")
    for segment in segments:
        if segment in ("", ".", ".."):
            raise ValueError(f"an artifact name must be a relative path without empty, . or .. parts, got {text!r}")
        if _BAD_CHARACTERS.search(segment):
            raise ValueError(f"an artifact name must not hold backslashes or control characters, got {text!r}")
        if len(segment.encode()) > MAX_SEGMENT_BYTES:
            raise ValueError(f"an artifact name's parts must be at most {MAX_SEGMENT_BYTES} bytes, got {text!r}")
    return text


def store_artifact(path, artifacts_dir, name=None):
    """Copies `path` to `artifacts_dir/name` (written aside, then renamed; `name` may hold folders:
    `data/part-1.jsonl`); returns (stored path, {name, size, sha256}). A file already at that place
    (it was written in the artifacts folder) is hashed, not copied."""
    name = artifact_name(os.path.basename(os.fspath(path)) if name is None else name)
    target = os.path.join(artifacts_dir, *name.split("/"))
    if os.path.exists(target) and os.path.samefile(path, target):
        size, digest = file_digest(target)
        return target, {"name": name, "size": size, "sha256": digest}
    os.makedirs(os.path.dirname(target), exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    partial = f"{target}.partial-{os.getpid()}"
    with open(path, "rb") as source, open(partial, "wb") as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    os.replace(partial, target)
    return target, {"name": name, "size": size, "sha256": digest.hexdigest()}


def file_digest(path):
    """(size, sha256 hex) of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def walk_files(folder):
    """(artifact name, absolute path) of every regular file under `folder`, sorted by name; symlinks
    are not followed (a link out of the folder must not upload what it points at)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
        for file in files:
            full = os.path.join(root, file)
            if os.path.isfile(full) and not os.path.islink(full) and ".partial-" not in file:
                found.append((os.path.relpath(full, folder).replace(os.sep, "/"), full))
    return sorted(found)


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
