"""Request bodies received within bounds, before the Flask app sees the request: a deadline for the whole
body and a cap on the bodies one client sends at once.

Granian reads headers in Rust and drops a connection whose headers take longer than its
header_read_timeout (server/serving.py). Over WSGI, though, a body is read by the app from one of Granian's
threads, Granian's read blocks with no time limit, and a request answered before its body came wedged the
whole process: five clients that sent half a body and stalled left no one answered. So the server speaks
ASGI to Granian: the body is awaited here on the event loop, where a stalled one holds no thread and can
be given up at the deadline (408), and a client already sending `per_client` bodies gets 429 at once. Only
a whole body goes on to the Flask app, which runs on a pool of `threads` threads.

The app is handed each request in one step and gives back its whole answer in one: a2wsgi's middleware
waited for the event loop three times a request (the headers, each chunk, the end) and read a body already
here through the loop again; that cost more than Flask itself (bench/RESULTS.md). a2wsgi's own
build_environ still makes the WSGI environ.
"""

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor

from a2wsgi.wsgi import build_environ

RETRY_AFTER_SECONDS = 1


class BoundedBodies:
    """ASGI app: the WSGI `app` behind a deadline of `timeout` seconds for each request body and a cap of
    `per_client` bodies being received at once per client address; bodies larger than `max_bytes` are
    passed on unread for the app to refuse (413)."""

    def __init__(self, app, *, timeout, per_client, max_bytes, threads):
        self.app = app
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="WSGI")
        self.timeout, self.per_client, self.max_bytes = timeout, per_client, max_bytes
        self._receiving = {}  # client address: bodies being received (only the event loop's thread counts)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return
        if not _has_body(scope, limit=self.max_bytes):
            return await self._answer(scope, b"", send)
        client = (scope.get("client") or ("",))[0]
        if self._receiving.get(client, 0) >= self.per_client:
            return await _refuse(send, 429, (
                f"This client is already sending {self.per_client} request bodies at once: send the next one "
                "when one of them is answered."), retry_after=RETRY_AFTER_SECONDS)
        self._receiving[client] = self._receiving.get(client, 0) + 1
        try:
            body = await asyncio.wait_for(_whole_body(receive, limit=self.max_bytes), self.timeout)
        except TimeoutError:
            return await _refuse(send, 408, (
                f"The request body did not arrive within {self.timeout:g} seconds: send it again, whole."))
        finally:
            self._receiving[client] -= 1
            if not self._receiving[client]:
                del self._receiving[client]
        announced = dict(scope["headers"]).get(b"content-length", b"")
        if announced.isdigit() and len(body) < int(announced):  # the client stopped sending: Werkzeug would 400
            return await _refuse(send, 400, (  # in words of its own, so in the protocol's words here
                f"The request body ended after {len(body)} of the {int(announced)} bytes its Content-Length "
                "header announced; send the whole body."))
        await self._answer(scope, body, send)

    async def _answer(self, scope, body, send):
        """The app's answer to the request of `scope` with its whole `body`, sent once the app is done."""
        environ = build_environ(scope, io.BytesIO(body))
        loop = asyncio.get_running_loop()
        status, headers, content = await loop.run_in_executor(self.executor, whole_answer, self.app, environ)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})


def bounded(app, *, threads):
    """The Flask `app` served as ASGI on `threads` threads, with the bounds of its config: BODY_TIMEOUT,
    CLIENT_UPLOADS and MAX_CONTENT_LENGTH (the largest body it takes)."""
    config = app.config
    return BoundedBodies(app, timeout=float(config["BODY_TIMEOUT"]), per_client=int(config["CLIENT_UPLOADS"]),
                         max_bytes=int(config["MAX_CONTENT_LENGTH"]), threads=threads)


def _has_body(scope, *, limit):
    """Whether the request announces a body the app would read (chunked, or a length from 1 to `limit`)."""
    headers = dict(scope["headers"])
    if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
        return True
    length = headers.get(b"content-length", b"0")
    return length.isdigit() and 0 < int(length) <= limit


async def _whole_body(receive, *, limit):
    """The body's bytes, at most `limit` + 1 of them (a longer body is the app's to refuse)."""
    chunks, size = [], 0
    while size <= limit:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def whole_answer(app, environ):
    """(status, ASGI headers, body bytes) of the WSGI `app`'s answer to `environ`, read to its end."""
    started = []

    def start_response(status, headers, exc_info=None):
        started[:] = [int(status.split(" ", 1)[0]),
                      [(name.lower().encode("latin1"), value.encode("latin1")) for name, value in headers]]
        return _no_write

    chunks = app(environ, start_response)
    try:
        content = b"".join(chunks)
    finally:
        getattr(chunks, "close", lambda: None)()
    return started[0], started[1], content


def _no_write(data):
    raise NotImplementedError("the app writes its answer as its return value, not through write()")


async def _refuse(send, status, message, *, retry_after=None):
    body = (message + "\n").encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
