// neural_net: train (job), test (job) and inference (serve). A toy model (y = w·x fitted by gradient
// descent) stands in for the author's, so every action runs in seconds with no dataset and no GPU
// (the SDK's own neural_net template needs a backend dataset before train can run at all).
import type { ActionSpec } from "./types";

export const train: ActionSpec = {
  name: "train",
  module: "train",
  className: "TrainAction",
  method: "job",
  description: "Train the model, reporting progress and metrics per epoch, and save its weights.",
  imports: ["json", "time"],
  params: [
    { name: "epochs", type: "int", default: 10, label: "Epochs", min: 1, max: 1000, step: 1, help: "Passes over the training data." },
    { name: "learning_rate", type: "float", default: 0.1, label: "Learning rate", min: 0.0001, max: 1, step: 0.0001 },
    {
      name: "pause",
      type: "float",
      default: 0.05,
      label: "Pause per epoch (seconds)",
      min: 0,
      max: 10,
      step: 0.05,
      help: "Slows training down so it can be watched live.",
    },
  ],
  body: String.raw`        # Replace with your model and data: here y = w * x is fitted to points of y = 2x.
        points = [x / 10 for x in range(1, 21)]
        weight, metrics = 0.0, {}
        self.ctx.log_message(f"Training for {epochs} epochs (learning rate {learning_rate})")
        for epoch in range(1, epochs + 1):
            gradient = sum(2 * (weight * x - 2 * x) * x for x in points) / len(points)
            weight -= learning_rate * gradient
            loss = sum((weight * x - 2 * x) ** 2 for x in points) / len(points)
            metrics = {"loss": round(loss, 6), "weight": round(weight, 6)}
            self.ctx.set_metrics(metrics, "train")
            self.ctx.log("metric", {"category": "train", "key": "epoch", "value": epoch, "metrics": metrics})
            self.ctx.set_progress(epoch, epochs, "train")
            time.sleep(pause)
        with open("model.json", "w") as f:
            json.dump({"weight": weight, "epochs": epochs}, f)
        self.ctx.save_artifact("model.json")
        return {"weight": weight, **metrics}
`,
};

export const test: ActionSpec = {
  name: "test",
  module: "test",
  className: "TestAction",
  method: "job",
  description: "Evaluate weights on held-out data and report the error.",
  params: [
    { name: "weight", type: "float", default: 2.0, label: "Weight", help: "The weight to evaluate (a train run's result)." },
    { name: "samples", type: "int", default: 100, label: "Samples", min: 1, max: 100000, step: 1 },
  ],
  body: String.raw`        # Replace with your evaluation: here the error of y = weight * x against y = 2x.
        total_error = 0.0
        for n in range(1, samples + 1):
            x = n / samples
            total_error += abs(weight * x - 2 * x)
            if n % max(1, samples // 10) == 0 or n == samples:
                self.ctx.set_progress(n, samples, "test")
        metrics = {"mae": round(total_error / samples, 6), "samples": samples}
        self.ctx.set_metrics(metrics, "test")
        self.ctx.log_message(f"Mean absolute error {metrics['mae']}")
        return metrics
`,
};

export const inference: ActionSpec = {
  name: "inference",
  module: "inference",
  method: "serve",
  description: 'Answer predictions over HTTP: POST /predict {"inputs": [x, ...]}.',
  params: [{ name: "weight", type: "float", default: 2.0, label: "Weight", help: "The weight to serve (a train run's result)." }],
  example: { inputs: [1, 2.5] },
  source: String.raw`class Model:
    """Answers {"inputs": [x, ...]} with {"predictions": [w * x, ...]}; replace with your model."""

    def __init__(self, weight):
        self.weight = weight

    def predict(self, request):
        inputs = request.get("inputs") if isinstance(request, dict) else None
        if not isinstance(inputs, list) or not all(isinstance(x, (int, float)) for x in inputs):
            # A ValueError answers 400 with its message.
            raise ValueError('expected {"inputs": [number, ...]}')
        return {"predictions": [self.weight * x for x in inputs]}


def serve(params, ctx):
    """Called once per deployment: load the model here and return the object that answers requests."""
    weight = float(params.get("weight", 2.0))
    ctx.log_message(f"Serving y = {weight} * x")
    return Model(weight)
`,
};
