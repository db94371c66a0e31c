"""inference (serve) and deployment: answer predictions for posted points."""
import json

from .model import predict


class Predictor:
    def __init__(self, weights_path="model.json"):
        try:
            with open(weights_path) as f:
                self.weights = tuple(json.load(f)["weights"])
        except FileNotFoundError:
            self.weights = (1.0, 1.0, 0.0)

    def __call__(self, request):
        points = request.get("points", [])
        return {"probabilities": [predict(self.weights, p) for p in points]}


def deploy(context, params):
    context.log_message("The inference action is served by the compute backend; nothing else to do.")
    context.set_progress(1, 1, "deploy")
    return {"deployed": "inference"}
