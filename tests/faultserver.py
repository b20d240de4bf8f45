"""A mirror that misbehaves by plan: for a path, a queue of answers (500, 404, truncate, ok)."""

from __future__ import annotations

from collections import defaultdict

from pressroom.mirror import MirrorServer, _Handler, resolve


class _FaultHandler(_Handler):
    plan: dict[str, list[str]]

    def do_GET(self) -> None:  # noqa: N802
        queue = self.plan.get(self.path)
        action = queue.pop(0) if queue else "ok"
        if action == "ok":
            return super().do_GET()
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        if action in {"500", "503", "404"}:
            self.send_error(int(action))
        elif action == "truncate":
            body = resolve(self.root, self.path).read_bytes()  # type: ignore[union-attr]
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        else:
            raise ValueError(action)


class FaultServer(MirrorServer):
    def __init__(self, root, plan: dict[str, list[str]], **kw) -> None:  # type: ignore[no-untyped-def]
        self.handler_class = type("Planned", (_FaultHandler,), {"plan": defaultdict(list, plan)})
        super().__init__(root, **kw)
