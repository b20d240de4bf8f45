"""`pressroom mirror DIR`: serve saved pages at their original paths (DIR/<host>/<path>) on 127.0.0.1.

A crawl with `--mirror http://127.0.0.1:PORT` asks this server for http://<host>/<path> as
GET /<host>/<path>. Nothing outside DIR is ever served.
"""

from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


def resolve(root: Path, request_path: str) -> Path | None:
    """The file under root for a request path, or None when it would leave root or is missing.

    >>> import tempfile; r = Path(tempfile.mkdtemp()); (r / "h").mkdir(); _ = (r / "h" / "a.htm").write_text("x")
    >>> resolve(r, "/h/a.htm").name, resolve(r, "/h/../../etc/passwd"), resolve(r, "/h/missing")
    ('a.htm', None, None)
    """
    parts = urlsplit(request_path)
    rel = unquote(parts.path).lstrip("/")
    if parts.query:
        rel += "?" + unquote(parts.query)
    root = root.resolve()
    target = (root / rel).resolve()
    if root not in target.parents or not target.is_file():
        return None
    return target


class _Handler(BaseHTTPRequestHandler):
    root: Path
    server_version = "pressroom-mirror"

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        target = resolve(self.root, self.path)
        if target is None:
            self.send_error(404, "not in the mirror")
            return
        body = target.read_bytes()
        ctype = mimetypes.guess_type(target.name.split("?", 1)[0])[0] or "application/octet-stream"
        if target.suffix in {".htm", ".html"}:
            ctype = "text/html"  # no charset: pages declare their own, as the real sites do
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet by default
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


class MirrorServer:
    """A mirror of DIR on 127.0.0.1:port (port 0 picks a free one), in a background thread."""

    handler_class: type[BaseHTTPRequestHandler] = _Handler

    def __init__(self, root: str | Path, port: int = 0, *, verbose: bool = False) -> None:
        handler = type("Handler", (self.handler_class,), {"root": Path(root)})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.verbose = verbose  # type: ignore[attr-defined]
        self.httpd.requests = []  # type: ignore[attr-defined]  # every path asked for, in order
        self.thread: threading.Thread | None = None

    @property
    def requests(self) -> list[str]:
        return self.httpd.requests  # type: ignore[attr-defined]

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> MirrorServer:
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
