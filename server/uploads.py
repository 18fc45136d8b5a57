"""Request bodies received within bounds, before the Flask app sees the request: a deadline for the whole
body and a cap on the bodies one client sends at once.

Granian reads headers in Rust and drops a connection whose headers take longer than its
header_read_timeout (server/serving.py). Over WSGI, though, a body is read by the app from one of Granian's
threads, Granian's read blocks with no time limit, and a request answered before its body came wedged the
whole process: five clients that sent half a body and stalled left no one answered. So the server speaks
ASGI to Granian: the body is awaited here on the event loop, where a stalled one holds no thread and can
be given up at the deadline (408), and a client already sending `per_client` bodies gets 429 at once. Only
a whole body goes on to the Flask app, which a2wsgi runs on its pool of `threads` threads.
"""

import asyncio

from a2wsgi import WSGIMiddleware

RETRY_AFTER_SECONDS = 1


class BoundedBodies:
    """ASGI app: the WSGI `app` behind a deadline of `timeout` seconds for each request body and a cap of
    `per_client` bodies being received at once per client address; bodies larger than `max_bytes` are
    passed on unread for the app to refuse (413)."""

    def __init__(self, app, *, timeout, per_client, max_bytes, threads):
        self.app = WSGIMiddleware(app, workers=threads)
        self.timeout, self.per_client, self.max_bytes = timeout, per_client, max_bytes
        self._receiving = {}  # client address: bodies being received (only the event loop's thread counts)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not _has_body(scope, limit=self.max_bytes):
            return await self.app(scope, receive, send)
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
        await self.app(scope, _replay(body), send)


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


def _replay(body):
    """An ASGI receive that gives `body` whole, then says the client is gone."""
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return messages.pop() if messages else {"type": "http.disconnect"}

    return receive


async def _refuse(send, status, message, *, retry_after=None):
    body = (message + "\n").encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
