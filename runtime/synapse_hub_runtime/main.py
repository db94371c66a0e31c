"""Runs one action: read the launch, pick the reporting sink, then run it as a job or serve it."""

import os
import sys

from .console import warn
from .context import Context
from .job import run_job
from .lifecycle import Lifecycle
from .reporter import Reporter
from .run_files import RunFiles
from .serve import serve
from .settings import SettingsError, read_hub, read_settings
from .sinks import ConsoleSink, HubSink
from .transport import Transport
from .uploader import Uploader


def main(argv=None) -> int:
    # The plugin's folder is shared by every run of its version: leave no __pycache__ in it.
    sys.dont_write_bytecode = True
    # Line-buffered output, so the hub's console log follows the plugin's prints as they happen.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(line_buffering=True)
    env = os.environ
    try:
        hub = read_hub(env)
    except SettingsError as error:
        warn(str(error))  # nowhere to report to: the exit code and this line are all there is
        return 1
    reporter = Reporter(Transport(hub.url, hub.token), hub.job_id) if hub else None
    sink = HubSink(reporter, hub.job_id) if hub else ConsoleSink()
    try:
        settings = read_settings(env, sys.argv[1:] if argv is None else argv)
    except SettingsError as error:
        ctx = Context(sink, RunFiles(os.path.abspath("artifacts")))
        return Lifecycle(reporter, ctx, 10.0).failed_to_start(str(error))
    ctx = Context(sink, _run_files(hub, sink, settings), _export_source(hub, settings))
    lifecycle = Lifecycle(reporter, ctx, settings.exit_deadline)
    if settings.method == "serve":
        return serve(settings, ctx, lifecycle)
    return run_job(settings, ctx, lifecycle)


def _run_files(hub, sink, settings):
    if hub is None:
        return RunFiles(settings.artifacts_dir, announce=lambda info: sink.log("artifact", info, "info", None))
    warn_in_log = lambda text: sink.log("message", {"context": "warning", "content": text}, "warning", None)  # noqa: E731
    # Its own connection: a long upload must not hold up progress reports.
    return RunFiles(settings.artifacts_dir, Uploader(Transport(hub.url, hub.token), hub.job_id, warn_in_log))


def _export_source(hub, settings):
    if hub is None:
        return None
    from .export_source import ExportSource

    return ExportSource(Transport(hub.url, hub.token), hub.url, settings.params)
