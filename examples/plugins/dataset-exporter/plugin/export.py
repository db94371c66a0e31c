"""export: write assignments, ground truth or tasks to JSON Lines or CSV."""
import csv
import json
import random

TARGETS = ("assignment", "ground_truth", "task")
FIELDS = {
    "assignment": ["id", "task_id", "annotator", "status"],
    "ground_truth": ["id", "task_id", "label", "bbox"],
    "task": ["id", "image", "width", "height"],
}


def records(target, limit):
    rng = random.Random(target)
    for i in range(1, limit + 1):
        if target == "assignment":
            yield {"id": i, "task_id": i, "annotator": f"user{rng.randint(1, 5)}", "status": rng.choice(["done", "in_review"])}
        elif target == "ground_truth":
            x, y = rng.randint(0, 500), rng.randint(0, 500)
            yield {"id": i, "task_id": i, "label": rng.choice(["cat", "dog", "bird"]), "bbox": [x, y, x + 40, y + 30]}
        else:
            yield {"id": i, "image": f"images/{i:05d}.jpg", "width": 640, "height": 480}


def export(context, params):
    target = params.get("target", "ground_truth")
    if target not in TARGETS:
        raise ValueError(f"target must be one of {', '.join(TARGETS)}")
    fmt = params.get("format", "jsonl")
    limit = int(params.get("limit", 100))
    path = f"{target}.{fmt}"
    with open(path, "w", newline="") as f:
        if fmt == "csv":
            writer = csv.DictWriter(f, fieldnames=FIELDS[target])
            writer.writeheader()
        for n, record in enumerate(records(target, limit), start=1):
            if fmt == "csv":
                writer.writerow({k: json.dumps(v) if isinstance(v, list) else v for k, v in record.items()})
            else:
                f.write(json.dumps(record) + "\n")
            if n % max(1, limit // 10) == 0:
                context.set_progress(n, limit, "export")
    context.save_artifact(path)
    context.log_message(f"Exported {limit} {target} records to {path}", "success")
    return {"file": path, "count": limit}
