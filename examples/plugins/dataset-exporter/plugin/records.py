"""The generated sample records of each export target."""

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
            yield {"id": i, "image": f"images/{i:05d}.png", "width": 16, "height": 16}
