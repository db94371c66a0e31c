"""`serve` actions on a Ray cluster: the Serve application the hub deploys (`import_path:
synapse_hub_runtime.ray_serve:app`).

Its one replica starts the action exactly as the local backend does (`python -m
synapse_hub_runtime` with SYNAPSE_ACTION_METHOD=serve, on a free 127.0.0.1 port, reporting to the
hub itself) and answers every request Serve routes to it by forwarding it there, so an action serves
the same on Ray as on one machine. Only this module needs Ray (and Starlette, which Serve brings);
the rest of the runtime stays standard library only.
"""

import asyncio
import ctypes
import http.client
import os
import signal
import socket
import subprocess
import sys
import time

from ray import serve
from starlette.requests import Request
from starlette.responses import Response

START_TIMEOUT_S = 300
# Headers that belong to one hop, never forwarded.
HOP = {"host", "connection", "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "content-length"}


def _die_with_parent():
    # Serve may end a replica without running its clean-up: the action's server must not outlive it.
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@serve.deployment(num_replicas=1)
class ServeAction:
    def __init__(self):
        self._port = _free_port()
        env = dict(os.environ, SYNAPSE_SERVE_PORT=str(self._port), SYNAPSE_ACTION_METHOD="serve")
        self._process = subprocess.Popen([sys.executable, "-m", "synapse_hub_runtime"], env=env, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            code = self._process.poll()
            if code is not None:
                raise RuntimeError(f"the action's server exited with code {code} before it answered")
            try:
                socket.create_connection(("127.0.0.1", self._port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    self._stop()
                    raise RuntimeError(f"the action's server did not listen within {START_TIMEOUT_S} s")
                time.sleep(0.1)

    async def __call__(self, request: Request) -> Response:
        path = request.url.path
        prefix = os.environ.get("SYNAPSE_RAY_ROUTE_PREFIX", "")
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :] or "/"
        target = path + (f"?{request.url.query}" if request.url.query else "")
        headers = {name: value for name, value in request.headers.items() if name.lower() not in HOP}
        body = await request.body()
        status, answer_headers, content = await asyncio.to_thread(self._forward, request.method, target, headers, body)
        return Response(content=content, status_code=status, headers=answer_headers)

    def _forward(self, method, target, headers, body):
        connection = http.client.HTTPConnection("127.0.0.1", self._port, timeout=300)
        try:
            connection.request(method, target, body=body or None, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
            return answer.status, {k: v for k, v in answer.getheaders() if k.lower() not in HOP}, content
        finally:
            connection.close()

    def check_health(self):
        if self._process.poll() is not None:
            raise RuntimeError(f"the action's server exited with code {self._process.returncode}")

    def _stop(self):
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()

    def __del__(self):
        self._stop()


app = ServeAction.bind()
