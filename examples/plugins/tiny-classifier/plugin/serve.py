"""inference (serve, JSON) and deployment: answer predictions for posted points."""

from .model import predict
from .weights import read_weights


class Predictor:
    """Served by the runtime as JSON: POST {"points": [[x, y], ...]} → probabilities and labels."""

    def __init__(self, params, ctx):
        self.weights = read_weights(params.get("weights"))

    def predict(self, request):
        points = request.get("points") if isinstance(request, dict) else None
        if not isinstance(points, list) or not all(isinstance(p, list) and len(p) == 2 for p in points):
            raise ValueError('expected {"points": [[x, y], ...]}')
        probabilities = [predict(self.weights, (float(x), float(y))) for x, y in points]
        return {"probabilities": probabilities, "labels": [int(p >= 0.5) for p in probabilities]}


def deploy(params, ctx):
    ctx.log_message("The inference action is served by the compute backend; nothing else to do.")
    ctx.set_progress(1, 1, "deploy")
    return {"deployed": "inference"}
