"""export: write assignments, ground truth or tasks to JSON Lines or CSV, saved as run artifacts.

Projects do not exist in the hub yet, so the records are generated (deterministically: the same
params always give the same files)."""

import csv
import json
import zipfile

from .originals import original_image
from .records import FIELDS, TARGETS, records

FORMATS = ("jsonl", "csv")
MAX_ORIGINALS = 50


def export(params, ctx):
    target = params.get("target", "ground_truth")
    fmt = params.get("format", "jsonl")
    limit = int(params.get("limit", 100))
    if target not in TARGETS:
        raise ValueError(f"target must be one of {', '.join(TARGETS)}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if not 1 <= limit <= 100_000:
        raise ValueError("limit must be between 1 and 100000")

    path = f"{target}.{fmt}"
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS[target]) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for n, record in enumerate(records(target, limit), start=1):
            if writer:
                writer.writerow({k: json.dumps(v) if isinstance(v, list) else v for k, v in record.items()})
            else:
                f.write(json.dumps(record) + "\n")
            if n % max(1, limit // 10) == 0 or n == limit:
                ctx.set_progress(n, limit, "export")
    ctx.save_artifact(path)
    ctx.log("export_data_file", {"name": path, "count": limit, "format": fmt})
    files = [path]

    if params.get("include_original"):
        files.append(_export_originals(ctx, target, min(limit, MAX_ORIGINALS)))
    ctx.log_message(f"Exported {limit} {target} records to {', '.join(files)}", "success")
    return {"files": files, "count": limit, "target": target, "format": fmt}


def _export_originals(ctx, target, count):
    """The original files of the first records (generated images), zipped."""
    path = "originals.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(1, count + 1):
            archive.writestr(f"images/{n:05d}.png", original_image(n))
            ctx.set_progress(n, count, "originals")
    ctx.save_artifact(path)
    ctx.log("export_original_file", {"name": path, "count": count})
    return path
