"""The WSGI app of a serve action without its own UI: JSON predictions over HTTP."""

import json
import sys
import traceback

from .jsonsafe import dumps

MAX_BODY = 32 * 1024 * 1024


def json_app(served, settings):
    predict = getattr(served, "predict", None)
    if not callable(predict):
        predict = served if callable(served) else None
    if predict is None:
        raise TypeError(f"{type(served).__name__} has no predict(), is not callable, and has no wsgi_app: nothing to serve")
    info = {"action": settings.action, "entrypoint": settings.entrypoint, "status": "ready", "predict": "POST / or POST /predict with a JSON body"}

    def app(environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO") or "/"
        if path not in ("/", "/predict"):
            return _answer(start_response, 404, {"error": f"no route {path}"})
        if method == "GET" and path == "/":
            return _answer(start_response, 200, info)
        if method != "POST":
            return _answer(start_response, 405, {"error": f"{method} is not allowed here"}, [("Allow", "GET, POST" if path == "/" else "POST")])
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            return _answer(start_response, 413, {"error": f"the body must be a JSON document of at most {MAX_BODY} bytes"})
        try:
            payload = json.loads(environ["wsgi.input"].read(length) or b"null")
        except ValueError as error:
            return _answer(start_response, 400, {"error": f"the body is not JSON: {error}"})
        try:
            return _answer(start_response, 200, predict(payload))
        except ValueError as error:  # the contract: a bad request raises ValueError
            return _answer(start_response, 400, {"error": str(error)})
        except Exception as error:
            traceback.print_exc(file=sys.stderr)
            return _answer(start_response, 500, {"error": f"{type(error).__name__}: {error}"})

    return app


def _answer(start_response, status, body, headers=()):
    data = dumps(body).encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 413: "Payload Too Large", 500: "Internal Server Error"}[status]
    start_response(f"{status} {reason}", [("Content-Type", "application/json"), ("Content-Length", str(len(data))), *headers])
    return [data]
