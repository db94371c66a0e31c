"""`serve` actions: a long-lived HTTP server on 127.0.0.1:SYNAPSE_SERVE_PORT, stopped by SIGTERM.

The contract (runtime/README.md): the entrypoint is called as `Cls(params, ctx)` (or `fn(params,
ctx)`, which returns the object to serve). If that object has `wsgi_app`, a WSGI callable, it is
served as is (interactive UIs). Otherwise the runtime serves JSON: `POST /` and `POST /predict`
→ `obj.predict(payload)` (or `obj(payload)`) → JSON (a ValueError answers 400, any other error
500); `GET /` → a small info document. Requests run on threads, concurrently. The hub proxies the
server under SYNAPSE_SERVE_PREFIX and strips it; WSGI apps get it as SCRIPT_NAME, to build links
that work through the proxy.
"""

import signal
import threading
import time
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .console import warn
from .entrypoint import EntrypointError, load
from .json_app import json_app


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve(settings, ctx, lifecycle) -> int:
    # A plain flag: taking a lock inside a signal handler could deadlock the main thread.
    stopping = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.append(True))
    try:
        served = load(settings.entrypoint)(settings.params, ctx)
        app = getattr(served, "wsgi_app", None) or json_app(served, settings)
        server = make_server("127.0.0.1", settings.serve_port, _prefixed(app, settings.serve_prefix), _ThreadingWSGIServer, WSGIRequestHandler)
    except EntrypointError as error:
        return lifecycle.failed_to_start(str(error))
    except Exception as error:
        return lifecycle.failed(error)
    port = server.server_address[1]
    lifecycle.running()
    ctx.log_message(f"Serving {settings.action} on http://127.0.0.1:{port}{' under ' + settings.serve_prefix if settings.serve_prefix else ''}")
    if not settings.serve_port:
        warn(f"listening on http://127.0.0.1:{port}/")
    thread = threading.Thread(target=server.serve_forever, name="synapse-hub-serve", daemon=True)
    thread.start()
    while not stopping:
        if not thread.is_alive():
            return lifecycle.failed(RuntimeError("the HTTP server stopped unexpectedly"))
        time.sleep(0.2)
    server.shutdown()
    server.server_close()
    return lifecycle.stopped(0)


def _prefixed(app, prefix):
    """Gives the app the public prefix as SCRIPT_NAME; a path that still carries it (a direct call) is accepted too."""

    def wrapped(environ, start_response):
        if prefix:
            path = environ.get("PATH_INFO", "")
            if path == prefix or path.startswith(prefix + "/"):
                environ["PATH_INFO"] = path[len(prefix) :] or "/"
            environ["SCRIPT_NAME"] = prefix
        return app(environ, start_response)

    return wrapped
