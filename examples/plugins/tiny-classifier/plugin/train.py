"""train: fit the classifier on generated data, reporting progress and metrics per epoch."""
import argparse
import json

from .model import accuracy, epoch, make_data


def train(context, params):
    epochs = int(params.get("epochs", 20))
    learning_rate = float(params.get("learning_rate", 0.1))
    samples = int(params.get("samples", 400))
    seed = int(params.get("seed", 7))
    if epochs < 1 or samples < 10:
        raise ValueError("epochs must be >= 1 and samples >= 10")

    data = make_data(samples, seed)
    split = int(len(data) * 0.8)
    train_set, validation_set = data[:split], data[split:]
    weights = (0.0, 0.0, 0.0)
    context.log_message(f"Training on {len(train_set)} samples for {epochs} epochs")
    for n in range(1, epochs + 1):
        weights, loss, train_acc = epoch(weights, train_set, learning_rate)
        val_acc = accuracy(weights, validation_set)
        context.log_metric("train", "epoch", n, loss=round(loss, 6), accuracy=round(train_acc, 4), val_accuracy=round(val_acc, 4))
        context.set_progress(n, epochs, "train")
    context.set_metrics({"loss": round(loss, 6), "accuracy": round(train_acc, 4), "val_accuracy": round(val_acc, 4)}, "train")
    with open("model.json", "w") as f:
        json.dump({"weights": list(weights)}, f)
    context.save_artifact("model.json")
    context.log_message(f"Validation accuracy {val_acc:.3f}", "success")
    return {"weights": list(weights), "val_accuracy": val_acc}


if __name__ == "__main__":
    from .context import ConsoleContext

    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--samples", type=int, default=400)
    args = parser.parse_args()
    print(json.dumps(train(ConsoleContext(), {"epochs": args.epochs, "learning_rate": args.learning_rate, "samples": args.samples})))
