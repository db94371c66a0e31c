"""A console stand-in for the hub's run context, so the actions also run by hand."""
import json
import os
import shutil


class ConsoleContext:
    def __init__(self, out_dir="outputs"):
        self.out_dir = out_dir

    def set_progress(self, current, total, category=None):
        print(f"[progress] {category or 'overall'} {current}/{total}")

    def set_metrics(self, values, category=None):
        print(f"[metrics] {category or 'default'} {json.dumps(values)}")

    def log_message(self, text, context="info"):
        print(f"[{context}] {text}")

    def log_metric(self, category, key, value, **more):
        print(f"[metric] {category}.{key}={value} {json.dumps(more) if more else ''}".rstrip())

    def save_artifact(self, path, name=None):
        os.makedirs(self.out_dir, exist_ok=True)
        target = os.path.join(self.out_dir, name or os.path.basename(path))
        if os.path.abspath(target) != os.path.abspath(path):
            shutil.copyfile(path, target)
        print(f"[artifact] {target}")
        return target
