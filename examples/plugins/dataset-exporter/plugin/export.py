"""export: a project's assignments, ground truth or tasks, as JSON Lines or CSV (and, if asked,
each item's original file), written to the run's output folder: its files become the run's artifacts.

The params are the Synapse SDK's ExportParams (`name`, `path`, `target`, `filter`,
`save_original_file`, `extra_params`; `storage` is accepted and unused: the output folder is the
hub's storage), plus `format`. The items come from `ctx.export_items()`, page by page, so a project
of any size is exported in constant memory.
"""

import json
import os

from .originals import Originals
from .writers import FORMATS, open_writer

TARGETS = ("assignment", "ground_truth", "task")
REQUIRED = {"assignment": "project", "task": "project", "ground_truth": "ground_truth_dataset_version"}


def export(params, ctx):
    target = params.get("target")
    fmt = params.get("format") or "jsonl"
    name = str(params.get("name") or "").strip()
    filters = dict(params.get("filter") or {})
    if target not in TARGETS:
        raise ValueError(f"target must be one of {', '.join(TARGETS)}, got {target!r}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if not name or "/" in name or name in (".", ".."):
        raise ValueError("name must be a non-blank folder name")
    needed = REQUIRED[target]
    if target == "ground_truth" and "ground_truth_dataset_versions" in filters:
        needed = "ground_truth_dataset_versions"
    if filters.get(needed) in (None, ""):
        raise ValueError(f"an export of {target} needs filter.{needed}")

    folder = os.path.join(ctx.output_dir, *[p for p in str(params.get("path") or "").split("/") if p not in ("", ".", "..")], name)
    items = ctx.export_items(target, filters)
    total = items.count
    ctx.log_message(f"Exporting {total} {target} items to {name}/")
    originals = Originals(ctx, os.path.join(folder, "origin_files")) if params.get("save_original_file") else None
    data_file = os.path.join(folder, f"{target}.{fmt}")
    count = 0
    with open_writer(data_file, fmt, target) as write:
        ctx.set_progress(0, total, "export")
        for item in items:
            original = originals.save(item) if originals else None
            write(item, original)
            count += 1
            ctx.set_progress(count, max(total, count), "export")
    ctx.log("export_data_file", {"name": os.path.relpath(data_file, ctx.output_dir), "count": count, "format": fmt})
    result = {"target": target, "format": fmt, "count": count, "files": [os.path.relpath(data_file, ctx.output_dir).replace(os.sep, "/")]}
    metrics = {"items": count}
    if originals:
        result.update(originals=originals.saved, failed_originals=originals.failed)
        metrics.update(originals=originals.saved, failed_originals=originals.failed)
    ctx.set_metrics(metrics, "export")
    # What the folder holds, for a person opening the result (and a script checking it).
    manifest = {"target": target, "filter": filters, "format": fmt, "count": count, **{k: v for k, v in result.items() if k not in ("target", "format", "count")}}
    with open(os.path.join(folder, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
    failed = f", {originals.failed} original files failed" if originals and originals.failed else ""
    ctx.log_message(f"Exported {count} {target} items to {result['files'][0]}{failed}", "warning" if failed else "success")
    return result
