"""What the launcher tells the runtime, read and checked once (the environment is a boundary).

The hub sets the variables of DESIGN.md §3 plus the runtime's own (`SYNAPSE_ACTION_METHOD`,
`SYNAPSE_ARTIFACTS_DIR`, `SYNAPSE_SERVE_PORT`, `SYNAPSE_SERVE_PREFIX`). By hand, the entrypoint and
params may come from the command line instead: `python -m synapse_hub_runtime plugin.train:train
--params '{"epochs": 3}'`.
"""

import argparse
import json
import os
import re
from dataclasses import dataclass

from .params import Params

METHODS = ("job", "task", "serve")
# Same rule as the hub's config schema: a module path, then the attribute to load from it.
ENTRYPOINT = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*[.:][A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


class SettingsError(Exception):
    """The launch itself is wrong (not the plugin): a missing entrypoint, params that are not JSON, …"""


@dataclass(frozen=True)
class Hub:
    url: str
    token: str
    job_id: str


@dataclass(frozen=True)
class Settings:
    hub: "Hub | None"
    entrypoint: str
    params: Params
    action: str
    method: str
    artifacts_dir: str
    serve_port: int
    serve_prefix: str
    exit_deadline: float


def read_hub(env) -> "Hub | None":
    """The hub to report to, or None to only log to the console (both a URL and a job id are needed)."""
    url = (env.get("SYNAPSE_PLUGIN_RUN_HOST") or env.get("SYNAPSE_HOST") or "").strip().rstrip("/")
    job_id = (env.get("SYNAPSE_JOB_ID") or "").strip()
    if not url or not job_id:
        return None
    if not re.match(r"^https?://[^/\s]+", url):
        raise SettingsError(f"SYNAPSE_HOST must be an http(s) URL, got {url!r}")
    token = (env.get("SYNAPSE_PLUGIN_RUN_USER_TOKEN") or env.get("SYNAPSE_ACCESS_TOKEN") or "").strip()
    if token.lower().startswith("token "):
        token = token[6:]
    return Hub(url=url, token=token, job_id=job_id)


def read_settings(env, argv) -> Settings:
    args = _parse_args(argv)
    entrypoint = (args.entrypoint or env.get("SYNAPSE_ACTION_ENTRYPOINT") or "").strip()
    if not ENTRYPOINT.match(entrypoint):
        raise SettingsError(f"the entrypoint must look like pkg.module.Name or pkg.module:name, got {entrypoint!r}")
    method = (args.method or env.get("SYNAPSE_ACTION_METHOD") or "job").strip().lower()
    method = {"restapi": "task"}.get(method, method)
    if method not in METHODS:
        raise SettingsError(f"SYNAPSE_ACTION_METHOD must be one of {', '.join(METHODS)}, got {method!r}")
    return Settings(
        hub=read_hub(env),
        entrypoint=entrypoint,
        params=_read_params(args.params, env),
        action=(env.get("SYNAPSE_ACTION_NAME") or entrypoint.replace(":", ".").rsplit(".", 1)[-1]).strip(),
        method=method,
        artifacts_dir=os.path.abspath(env.get("SYNAPSE_ARTIFACTS_DIR") or "artifacts"),
        serve_port=_number(env, "SYNAPSE_SERVE_PORT", args.port, int, 0),
        serve_prefix=(env.get("SYNAPSE_SERVE_PREFIX") or "").rstrip("/"),
        exit_deadline=_number(env, "SYNAPSE_RUNTIME_EXIT_DEADLINE", None, float, 10.0),
    )


def _parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m synapse_hub_runtime", description="Run a plugin action (settings default to the environment).")
    parser.add_argument("entrypoint", nargs="?", help="pkg.module.Name or pkg.module:name")
    parser.add_argument("--params", help="a JSON object, or @file.json")
    parser.add_argument("--method", choices=[*METHODS, "restapi"])
    parser.add_argument("--port", type=int, help="serve: the port to bind on 127.0.0.1")
    return parser.parse_args(argv)


def _read_params(arg, env) -> Params:
    if arg is not None:
        source, text = ("--params", _read_file(arg[1:], "--params") if arg.startswith("@") else arg)
    elif env.get("SYNAPSE_ACTION_PARAMS_FILE"):
        source, text = "SYNAPSE_ACTION_PARAMS_FILE", _read_file(env["SYNAPSE_ACTION_PARAMS_FILE"], "SYNAPSE_ACTION_PARAMS_FILE")
    else:
        source, text = "SYNAPSE_ACTION_PARAMS", env.get("SYNAPSE_ACTION_PARAMS") or "{}"
    try:
        value = json.loads(text)
    except ValueError as error:
        raise SettingsError(f"{source} is not valid JSON: {error}") from None
    if not isinstance(value, dict):
        raise SettingsError(f"{source} must be a JSON object, got {type(value).__name__}")
    return Params(value)


def _read_file(path, source):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as error:
        raise SettingsError(f"{source}: cannot read {path!r}: {error.strerror}") from None


def _number(env, name, override, kind, default):
    raw = override if override is not None else env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative, got {raw!r}")
    return value
