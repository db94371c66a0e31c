"""test: evaluate saved weights on freshly generated data."""
import json

from .model import accuracy, make_data


def test(context, params):
    with open(params.get("weights", "model.json")) as f:
        weights = tuple(json.load(f)["weights"])
    data = make_data(int(params.get("samples", 200)), seed=12345)
    score = accuracy(weights, data)
    context.set_progress(1, 1, "test")
    context.set_metrics({"accuracy": round(score, 4)}, "test")
    return {"accuracy": score}
