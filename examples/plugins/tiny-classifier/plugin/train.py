"""train: fit the classifier on generated data, reporting progress, metrics and a picture."""

import json
import time

from .model import accuracy, epoch, make_data
from .plot import plot_boundary


def train(params, ctx):
    epochs = int(params.get("epochs", 20))
    learning_rate = float(params.get("learning_rate", 0.1))
    samples = int(params.get("samples", 400))
    seed = int(params.get("seed", 7))
    # A pause per epoch, so a run lasts long enough to watch (or to cancel).
    sleep_per_epoch = float(params.get("sleep_per_epoch", 0.1))
    if epochs < 1 or samples < 10 or learning_rate <= 0 or sleep_per_epoch < 0:
        raise ValueError("epochs must be >= 1, samples >= 10, learning_rate > 0 and sleep_per_epoch >= 0")

    data = make_data(samples, seed)
    split = int(len(data) * 0.8)
    train_set, validation_set = data[:split], data[split:]
    ctx.log_message(f"Training on {len(train_set)} samples for {epochs} epochs (learning rate {learning_rate})")
    weights, metrics = fit(ctx, train_set, validation_set, epochs, learning_rate, sleep_per_epoch)

    with open("model.json", "w") as f:
        json.dump({"weights": list(weights), "learning_rate": learning_rate, "epochs": epochs}, f)
    ctx.save_artifact("model.json")
    plot_boundary("boundary.png", weights, validation_set)
    ctx.log("visualization", {"category": "train", "group": "validation", "index": 0}, file="boundary.png")
    ctx.log_message(f"Validation accuracy {metrics['val_accuracy']:.3f}", "success")
    return {"weights": list(weights), **metrics}


def fit(ctx, train_set, validation_set, epochs, learning_rate, sleep_per_epoch=0.0, step="train"):
    """Gradient descent with a report per epoch; returns the weights and the last epoch's metrics."""
    weights = (0.0, 0.0, 0.0)
    metrics = {}
    for n in range(1, epochs + 1):
        weights, loss, train_accuracy = epoch(weights, train_set, learning_rate)
        metrics = {"loss": round(loss, 6), "accuracy": round(train_accuracy, 4), "val_accuracy": round(accuracy(weights, validation_set), 4)}
        ctx.set_metrics(metrics, step)
        ctx.log("metric", {"category": step, "key": "epoch", "value": n, "metrics": metrics})
        ctx.set_progress(n, epochs, step)
        if sleep_per_epoch:
            time.sleep(sleep_per_epoch)
    return weights, metrics
