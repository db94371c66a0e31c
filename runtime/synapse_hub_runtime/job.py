"""`job` and `task` actions: run the entrypoint once; SIGTERM (the hub's cancel) stops it."""

import signal

from .entrypoint import EntrypointError, load, run_action


class Stopped(BaseException):
    """Raised in the main thread by SIGTERM/SIGINT; a BaseException so `except Exception` in a plugin lets it through."""


def run_job(settings, ctx, lifecycle) -> int:
    def stop(signum, _frame):
        signal.signal(signum, signal.SIG_IGN)
        raise Stopped()

    try:
        try:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
            lifecycle.running()
            result = run_action(load(settings.entrypoint), settings.params, ctx)
        finally:
            # From here on a SIGTERM must not cut the final report short (SIGKILL remains the hub's last word).
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    except Stopped:
        return lifecycle.stopped(128 + signal.SIGTERM)
    except SystemExit as exit_:
        if exit_.code in (None, 0):
            return lifecycle.succeeded(None)
        return lifecycle.failed(RuntimeError(f"the action called sys.exit({exit_.code!r})"))
    except EntrypointError as error:
        return lifecycle.failed_to_start(str(error))
    except Exception as error:  # the plugin's own failure: reported, never re-raised
        return lifecycle.failed(error)
    return lifecycle.succeeded(result)
