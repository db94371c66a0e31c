"""test: measure the accuracy of given weights on freshly generated data."""

from .model import accuracy, make_data
from .weights import read_weights


def test(params, ctx):
    weights = read_weights(params.get("weights"))
    samples = int(params.get("samples", 200))
    if samples < 1:
        raise ValueError("samples must be >= 1")
    data = make_data(samples, seed=12345)
    score = accuracy(weights, data)
    ctx.set_progress(1, 1, "test")
    ctx.set_metrics({"accuracy": round(score, 4)}, "test")
    ctx.log_message(f"Accuracy {score:.3f} on {samples} fresh samples", "success")
    return {"accuracy": score, "samples": samples, "weights": list(weights)}
