"""Loads and calls an action's entrypoint: `pkg.module.Name` or `pkg.module:name`.

A class is constructed as `Cls(params, ctx)`; a function is called as `fn(params, ctx)` (the SDK's
two conventions)."""

import importlib
import inspect


class EntrypointError(Exception):
    """The entrypoint cannot be loaded or has the wrong shape; the message says which part and why."""


def load(entrypoint: str):
    module_name, attr_path = entrypoint.split(":", 1) if ":" in entrypoint else entrypoint.rsplit(".", 1)
    try:
        target = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        # Only "this module is missing" is the entrypoint's fault; a missing import inside it is the plugin's error.
        if error.name and (module_name == error.name or module_name.startswith(error.name + ".")):
            raise EntrypointError(f"cannot import {module_name!r} for the entrypoint {entrypoint!r}: {error}") from None
        raise
    for attr in attr_path.split("."):
        try:
            target = getattr(target, attr)
        except AttributeError:
            raise EntrypointError(f"{module_name!r} has no {attr_path!r} (entrypoint {entrypoint!r})") from None
    if not callable(target):
        raise EntrypointError(f"the entrypoint {entrypoint!r} is a {type(target).__name__}, not a class or function")
    return target


def run_action(target, params, ctx):
    """Runs a job/task action and returns its result."""
    if inspect.isclass(target):
        instance = target(params, ctx)
        execute = getattr(instance, "execute", None)
        if not callable(execute):
            raise EntrypointError(f"{target.__name__} has no execute() method")
        return execute()
    return target(params, ctx)
