"""HTTP on 127.0.0.1, as a static host serves the site."""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


class StaticHost(QuietHandler):
    """Answers a missing address with the site's 404 page, as GitHub Pages and
    nginx do, and sends the host's own headers (such as docs/_headers' policy)
    with every response."""

    not_found: Path | None = None
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class CachingHost(QuietHandler):
    """A host as the README's nginx serves the site: assets cached for good, pages revalidated.

    Without it (Python's server sends no Cache-Control) a warm cache still
    revalidates main.css on every load, and on a slow link that request holds
    the first paint until the whole page is parsed, hiding what a reader sees.
    """

    def end_headers(self):
        path = self.path.split("?")[0].split("#")[0]
        if not path.endswith(("/", ".html")):
            self.send_header("Cache-Control", "max-age=31536000, immutable")
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that leaves a page mid-download closes its connection:
        # nothing for the test output. Anything else is printed as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path, port: int, handler_class=QuietHandler) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1:`port` in a background thread; return the server."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def static_host(root: Path, port: int, not_found: Path, headers: dict[str, str] | None = None) -> http.server.ThreadingHTTPServer:
    """Serve `root` as a static host (a missing address gets `not_found`, every response `headers`); return the server."""
    handler = type("Host", (StaticHost,), {"not_found": not_found, "extra_headers": dict(headers or {})})
    return serve(root, port, handler)


def fetch(url: str) -> str:
    """The text at `url`, or "" when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def poll_until(condition, what: str, timeout: float = 240) -> None:
    """Poll until `condition()` holds; a build on a loaded machine takes anything up to minutes."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, f"after {timeout} s: {what}"
        time.sleep(1)
