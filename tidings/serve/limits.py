"""ASGI middleware of ``tidings serve``: a request-body size limit and security headers."""
from __future__ import annotations

import json
from typing import Any

#: Content-Security-Policy of every response: scripts, styles, data and images only from this
#: server (no inline script, no eval, no other host), nothing may frame the dashboard.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


async def _send_json(send: Any, status: int, payload: dict) -> None:
    body = json.dumps(payload).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413 and a JSON ``detail``: at once when
    ``Content-Length`` says so, else while reading (chunked bodies are read up to the limit,
    then replayed to the app)."""

    def __init__(self, app: Any, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_big = {"detail": f"request body over the limit of {self.max_bytes} bytes "
                             f"({self.max_bytes / 1048576:g} MB); send a shorter document"}
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _send_json(send, 413, too_big)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await _send_json(send, 413, too_big)
                return
            if not message.get("more_body"):
                break
        body, done = b"".join(chunks), False

        async def replay() -> dict:
            nonlocal done
            if not done:
                done = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """Add :data:`CSP`, ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``
    and ``X-Frame-Options: DENY`` to every HTTP response."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers") or []) + self.HEADERS}
            await send(message)

        await self.app(scope, receive, with_headers)
