"""A run's start and end, reported the way the SDK does (DESIGN.md §3): RUNNING first; at the end
SUCCEEDED with the result, or FAILED with `{"error": …}` after an `error` log event holding the
traceback, or STOPPED after a SIGTERM. The result is also printed between the SDK's markers, and
the process's exit code is returned."""

import os
import sys
import traceback

from .console import warn
from .jsonsafe import dumps, sanitize

RESULT_START, RESULT_END = "__SYNAPSE_RESULT_START__", "__SYNAPSE_RESULT_END__"
# A stopped run's grace period is the hub's (SIGKILL follows), so its last flush is kept short.
STOP_DEADLINE = 3.0


class Lifecycle:
    def __init__(self, reporter, ctx, exit_deadline):
        self._reporter = reporter
        self._ctx = ctx
        self._exit_deadline = exit_deadline

    def running(self):
        if self._reporter:
            self._reporter.patch(status="RUNNING")

    def succeeded(self, result) -> int:
        result = sanitize(result)
        # Same lines as the SDK's runner, which wraps a result that is not an object.
        print(f"{RESULT_START}\n{dumps(result if isinstance(result, dict) else {'result': result})}\n{RESULT_END}", flush=True)
        self._close(self._exit_deadline, status="SUCCEEDED", result=result)
        return 0

    def failed(self, error: BaseException) -> int:
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        trace = "".join(traceback.format_exception(type(error), error, _plugin_frames(error.__traceback__)))
        print(trace, end="", file=sys.stderr, flush=True)
        if self._reporter:
            self._ctx.log("error", {"message": message, "traceback": trace})
        self._close(self._exit_deadline, status="FAILED", result={"error": message})
        return 1

    def failed_to_start(self, message: str) -> int:
        warn(message)
        if self._reporter:
            self._ctx.log("error", {"message": message})
        self._close(self._exit_deadline, status="FAILED", result={"error": message})
        return 1

    def stopped(self, exit_code: int) -> int:
        self._ctx.log_message("Stopped by SIGTERM", "warning")
        self._close(min(STOP_DEADLINE, self._exit_deadline), status="STOPPED")
        return exit_code

    def _close(self, deadline, **fields):
        # Files first: the hub lists them all by the time it hears the run ended. A stopped run
        # uploads nothing more (the hub's SIGKILL follows soon), a finished or failed one its whole folder.
        stopped = fields.get("status") == "STOPPED"
        self._ctx.finish_files(deadline, upload_folder=not stopped, abort=stopped)
        if self._reporter:
            self._reporter.close(deadline, **fields)


def _plugin_frames(tb):
    """The traceback from the first frame outside the runtime: the runtime's own calls are noise to a plugin author."""
    here = os.path.dirname(os.path.abspath(__file__))
    while tb is not None and tb.tb_next is not None and os.path.dirname(os.path.abspath(tb.tb_frame.f_code.co_filename)) == here:
        tb = tb.tb_next
    return tb
