"""gradio (serve): a small interactive page — enter a point, see the predicted class.

Served through WSGI by the runtime. The hub proxies it under a prefix (given as SCRIPT_NAME), so
every link and form target is built from that prefix and works embedded in the hub."""

import html
import json
from urllib.parse import parse_qs

from .model import predict
from .weights import read_weights

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tiny Classifier playground</title>
<style>body{{font:16px system-ui,sans-serif;margin:1.5rem;max-width:32rem}}label{{display:block;margin:.5rem 0}}
input{{font:inherit;width:8rem}}output{{display:block;margin-top:1rem;font-size:1.25rem}}</style></head>
<body><h1>Tiny Classifier</h1><p>Enter a point; the model answers its class (0 near (-1, -1), 1 near (1, 1)).</p>
<form method="get" action="{base}/"><label>x <input name="x" type="number" step="any" value="{x}" required></label>
<label>y <input name="y" type="number" step="any" value="{y}" required></label><button type="submit">Predict</button></form>
{answer}</body></html>"""


class Playground:
    def __init__(self, params, ctx):
        self.weights = read_weights(params.get("weights"))

    def wsgi_app(self, environ, start_response):
        base = environ.get("SCRIPT_NAME", "")
        path = environ.get("PATH_INFO") or "/"
        if path == "/predict" and environ["REQUEST_METHOD"] == "POST":
            return self._json(environ, start_response)
        if path != "/":
            return _send(start_response, "404 Not Found", "text/plain", b"not found")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        x, y, answer = query.get("x", [""])[0], query.get("y", [""])[0], ""
        if x and y:
            try:
                p = predict(self.weights, (float(x), float(y)))
                answer = f'<output id="answer">Class {int(p >= 0.5)} (probability of class 1: {p:.3f})</output>'
            except ValueError:
                answer = '<output id="answer">Please enter two numbers.</output>'
        page = PAGE.format(base=html.escape(base), x=html.escape(x), y=html.escape(y), answer=answer)
        return _send(start_response, "200 OK", "text/html; charset=utf-8", page.encode())

    def _json(self, environ, start_response):
        try:
            body = json.loads(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)) or b"{}")
            p = predict(self.weights, (float(body["x"]), float(body["y"])))
        except (ValueError, KeyError, TypeError):
            return _send(start_response, "400 Bad Request", "application/json", b'{"error": "expected {\\"x\\": number, \\"y\\": number}"}')
        return _send(start_response, "200 OK", "application/json", json.dumps({"label": int(p >= 0.5), "probability": p}).encode())


def _send(start_response, status, kind, body):
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body)))])
    return [body]
