"""A mirror that misbehaves by plan: for a request path, a queue of answers, one per request, then
the saved page. Answers:

- "500", "503", "404": that status;
- "429": Too Many Requests with Retry-After: 1;
- "truncate": a 200 whose body stops halfway through its Content-Length;
- "hang": no answer for HANG_SECONDS (longer than the crawl's DOWNLOAD_TIMEOUT in the tests);
- "reset": the connection reset (TCP RST) before any answer;
- "empty": a 200 with an empty body;
- "redirect_loop": 302 to the URL with ?loop, which redirects back, and so on;
- "charset:<name>": the saved page with Content-Type text/html; charset=<name>;
- "slow": the saved page after SLOW_SECONDS;
- "ok": the saved page.
"""

from __future__ import annotations

import socket
import struct
import time
from collections import defaultdict

from pressroom.mirror import MirrorServer, _Handler, resolve

HANG_SECONDS = 4.0
SLOW_SECONDS = 0.4


class _FaultHandler(_Handler):
    plan: dict[str, list[str]]

    def do_GET(self) -> None:  # noqa: N802
        queue = self.plan.get(self.path)
        action = queue.pop(0) if queue else "ok"
        if self.path.endswith("?loop"):  # the other end of a redirect loop
            action = "redirect_loop"
        if action == "slow":  # the page, after a pause
            time.sleep(SLOW_SECONDS)
            action = "ok"
        if action == "ok":
            return super().do_GET()
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        if action in {"500", "503", "404"}:
            self.send_error(int(action))
        elif action == "429":
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif action == "truncate":
            body = resolve(self.root, self.path).read_bytes()  # type: ignore[union-attr]
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif action == "hang":
            time.sleep(HANG_SECONDS)
            self.close_connection = True
        elif action == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
        elif action == "empty":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif action == "redirect_loop":  # A → A?loop → A → …, in real URLs (http://<host>/<path>)
            self.plan.setdefault(self.path, []).insert(0, "redirect_loop")
            other = self.path.removesuffix("?loop") if self.path.endswith("?loop") else self.path + "?loop"
            self.send_response(302)
            self.send_header("Location", "http:/" + other)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif action.startswith("charset:"):
            body = resolve(self.root, self.path).read_bytes()  # type: ignore[union-attr]
            self.send_response(200)
            self.send_header("Content-Type", f"text/html; charset={action.split(':', 1)[1]}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            raise ValueError(action)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError, OSError):  # the client gave up (a hang) or we reset
            self.close_connection = True


class FaultServer(MirrorServer):
    def __init__(self, root, plan: dict[str, list[str]], **kw) -> None:  # type: ignore[no-untyped-def]
        self.handler_class = type("Planned", (_FaultHandler,), {"plan": defaultdict(list, plan)})
        super().__init__(root, **kw)
