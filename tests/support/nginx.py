"""deploy/nginx.conf run on this machine: its configuration made local, and raw HTTP asked of it."""

from __future__ import annotations

import http.client
from pathlib import Path

import local_nginx  # scripts/local_nginx.py: the same main configuration as scripts/bench.py's

from .policy import published_headers


def main_config(tmp: Path) -> str:
    """A main configuration around the site's ({tmp}/site.conf), writing everything under `tmp`."""
    return local_nginx.main_config(tmp, f"    include {tmp}/site.conf;")


def for_this_machine(config: str, port: int, site: Path) -> str:
    """deploy/nginx.conf with its port and built folder replaced, nothing else."""
    for placeholder in ("listen 80;", "alias /srv/dev-vs-eng/site/;"):
        assert config.count(placeholder) == 1, f"deploy/nginx.conf: expected one `{placeholder}` (the test replaces it)"
    return config.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(
        "alias /srv/dev-vs-eng/site/;", f"alias {site}/;")


def ask(port: int, method: str, target: str, body: bytes | None = None,
        headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One request exactly as given (no encoding added), on a connection of its own; the answer with its body read."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, target, skip_accept_encoding=True)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders(body)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def missing_headers(response: http.client.HTTPResponse) -> list[str]:
    """Each header docs/_headers names, unless the answer carries it exactly once, with its value."""
    return [f"{name}: {value} (sent {len(response.headers.get_all(name) or [])} times)"
            for name, value in published_headers().items() if response.headers.get_all(name) != [value]]
