"""One record per item, written as JSON Lines or CSV. Signed file URLs are left out: they expire, and
the file is named by its original name (and saved beside the data when asked)."""

import contextlib
import csv
import json
import os

FORMATS = ("jsonl", "csv")
# The columns of each target's rows besides id and data (the hub's item fields, export-protocol.md).
FIELDS = {
    "assignment": ["task", "worker", "status", "created"],
    "task": ["key", "created"],
    "ground_truth": ["task", "category", "ground_truth_dataset_version", "created"],
}


def record(item, target, original):
    files = item.get("files") or {}
    out = {"id": item["id"], **{key: item.get(key) for key in FIELDS[target]}, "file": files.get("file_name_original")}
    if original is not None:
        out["original"] = original
    out["data"] = item.get("data")
    return out


@contextlib.contextmanager
def open_writer(path, fmt, target):
    """Yields write(item, original) appending one record to `path` (folders created)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        if fmt == "jsonl":
            yield lambda item, original: f.write(json.dumps(record(item, target, original), ensure_ascii=False) + "\n")
            return
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", *FIELDS[target], "file", "original", "data"])

        def write(item, original):
            row = record(item, target, original)
            writer.writerow([row["id"], *[row[k] for k in FIELDS[target]], row["file"], row.get("original", ""), json.dumps(row["data"], ensure_ascii=False)])

        yield write
