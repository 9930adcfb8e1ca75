"""nginx run by whoever runs a script or test here: a main configuration that writes only in one folder.

Used by scripts/bench.py (this site and stock behind gzip) and by the tests of
deploy/nginx.conf (tests/support/nginx.py), so both start nginx the same way.
"""

from __future__ import annotations

import os
from pathlib import Path


def main_config(tmp: Path, http: str) -> str:
    """A main nginx.conf whose pid, logs and temporary files stay in `tmp`; `http` goes inside its http block."""
    # As root, nginx's workers would drop to `nobody`, who cannot read a private temporary folder.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{http}
}}
"""
