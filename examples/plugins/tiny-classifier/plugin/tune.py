"""tune: train once per learning rate and keep the best, reporting trials the way the SDK does.

The `trials` event is `{base, trials: {<id>: {…}}, hyperparameters, metrics, best_trial}`: the
three lists name the columns of each trial, and the event is sent whole each time a trial starts
or finishes, so the hub's table is always the latest picture."""

import json

from synapse_hub_runtime import BaseAction

from .model import make_data
from .train import fit

BASE = ["status", "epochs"]
HYPERPARAMETERS = ["learning_rate"]
METRICS = ["loss", "accuracy", "val_accuracy"]


class Tune(BaseAction):
    """A class entrypoint (`Tune(params, ctx).execute()`), as the SDK's actions are."""

    def execute(self):
        params, ctx = self.params, self.ctx
        rates = _rates(params.get("learning_rates", "0.01, 0.03, 0.1, 0.3, 1, 3"))
        epochs = int(params.get("epochs", 15))
        data = make_data(int(params.get("samples", 400)), int(params.get("seed", 7)))
        split = int(len(data) * 0.8)
        train_set, validation_set = data[:split], data[split:]

        trials, best, best_weights = {}, None, None
        for n, rate in enumerate(rates, start=1):
            trial_id = f"trial_{n:03d}"
            trials[trial_id] = {"status": "RUNNING", "epochs": epochs, "learning_rate": rate}
            _report(ctx, trials, best)
            weights, metrics = fit(ctx, train_set, validation_set, epochs, rate, step=trial_id)
            trials[trial_id] = {**trials[trial_id], "status": "TERMINATED", **metrics}
            if best is None or _score(metrics) > _score(trials[best]):
                best, best_weights = trial_id, weights
            _report(ctx, trials, best)
            ctx.set_progress(n, len(rates), "tune")

        with open("model.json", "w") as f:
            json.dump({"weights": list(best_weights), "learning_rate": trials[best]["learning_rate"], "epochs": epochs}, f)
        ctx.save_artifact("model.json")
        ctx.log_message(f"Best trial {best}: learning rate {trials[best]['learning_rate']}, validation accuracy {trials[best]['val_accuracy']:.3f}", "success")
        return {"best_trial": best, "learning_rate": trials[best]["learning_rate"], "val_accuracy": trials[best]["val_accuracy"], "weights": list(best_weights)}


def _report(ctx, trials, best):
    ctx.log("trials", {"base": BASE, "trials": trials, "hyperparameters": HYPERPARAMETERS, "metrics": METRICS, "best_trial": best})


def _score(metrics):
    # Highest validation accuracy; the lower loss breaks a tie.
    return (metrics["val_accuracy"], -metrics["loss"])


def _rates(value):
    parts = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    try:
        rates = [float(part) for part in parts if str(part).strip()]
    except ValueError:
        raise ValueError(f"learning_rates must be numbers separated by commas, got {value!r}") from None
    if not rates or any(rate <= 0 for rate in rates) or len(rates) > 20:
        raise ValueError("learning_rates needs 1 to 20 positive numbers")
    return rates
