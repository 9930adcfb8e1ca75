"""deploy/nginx.conf in a real nginx: headers on every answer, and the redirects.

The file is run as written, with only its port and the built folder's path
changed, in Debian's nginx (`nginx-light`, which ./scripts/test installs), on
127.0.0.1, serving a build of the site under the file's sub-path. Every
answer, pages and errors alike (404, 400, 405, 414) and redirects, must carry
what docs/_headers says (the Content-Security-Policy, nosniff, the referrer
and permissions policies); nginx must not name its version; the sub-path
without its slash and an address with `//` or an encoded slash (`%2F`)
redirect to the real address; no redirect leaves the site's path (a `Location`
beginning `/\\` or `//` sends a browser to another host).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import time

import pytest

from conftest import ROOT, SUBPATH, free_port
from support.nginx import main_config, ask, for_this_machine, missing_headers

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
BASE = "/handbook/dev-vs-eng/"  # the path deploy/nginx.conf serves the site at


@pytest.fixture(scope="module")
def nginx(tmp_path_factory, builds):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.path.exists(binary), "nginx is not installed: ./scripts/test installs Debian's nginx-light"
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    # The builds cache's MkDocs build for this sub-path (its site_url names
    # another port, which nothing here reads).
    assert BASE.strip("/") == SUBPATH.strip("/"), f"deploy/nginx.conf serves {BASE}; tests/support/builds.py builds for /{SUBPATH}"
    site = builds.get("mkdocs", SUBPATH).path
    (tmp / "site.conf").write_text(for_this_machine(NGINX_CONF.read_text(encoding="utf-8"), port, site), encoding="utf-8")
    (tmp / "nginx.conf").write_text(main_config(tmp), encoding="utf-8")
    process = subprocess.Popen([binary, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("HEAD", BASE)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx would not start with deploy/nginx.conf:\n{process.stderr.read().decode()}", pytrace=False)
            time.sleep(0.1)
    yield port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


ANSWERS = {
    "home page": ("GET", BASE, None, 200),
    "a page": ("GET", f"{BASE}article/?view=engineer", None, 200),
    "an image": ("GET", f"{BASE}assets/images/favicon.svg", None, 200),
    "missing page": ("GET", f"{BASE}no/such/page/", None, 404),
    "malformed address": ("GET", f"{BASE}%zz/", None, 400),
    "method not allowed": ("POST", f"{BASE}article/", b"x=1", 405),
    "address too long": ("GET", BASE + "a" * 20_000, None, 414),
    "sub-path without its slash": ("GET", BASE.rstrip("/"), None, 301),
    "double slash": ("GET", f"{BASE}article//", None, 301),
    # nginx's 416 for a range past the end doubled every header: the file
    # turns ranges off, so both get the whole file.
    "address only after decoding": ("GET", "//handbook/dev-vs-eng/article/", None, 404),
    "range past the end": ("GET", f"{BASE}assets/images/favicon.svg", None, 200),
    "range": ("GET", f"{BASE}assets/images/favicon.svg", None, 200),
}
# Request headers a case sends beside its method and address.
SENT = {"range past the end": {"Range": "bytes=99999999-"}, "range": {"Range": "bytes=0-9"}}


@pytest.mark.parametrize("case", ANSWERS, ids=lambda c: c.replace(" ", "-"))
def test_every_answer_carries_the_published_headers(nginx, case):
    method, target, body, status = ANSWERS[case]
    response = ask(nginx, method, target, body, SENT.get(case))
    assert response.status == status, f"{method} {target[:80]}: {response.status}, expected {status}"
    missing = missing_headers(response)
    assert not missing, f"{case} ({response.status}) lacks what docs/_headers says:\n" + "\n".join(missing)
    assert response.getheader("Server") == "nginx", f"{case}: Server: {response.getheader('Server')} (server_tokens off)"
    assert b"nginx/" not in response.body, f"{case}: the answer names nginx's version"


def test_the_missing_page_answer_is_the_sites_404_page(nginx):
    response = ask(nginx, "GET", f"{BASE}no/such/page/")
    assert response.status == 404
    assert b"Page not found" in response.body and b"md-header" in response.body, response.body[:200]


@pytest.mark.parametrize("target, location", [
    (BASE.rstrip("/"), BASE),
    (BASE.rstrip("/") + "?view=engineer", BASE + "?view=engineer"),
    (f"{BASE}article//", f"{BASE}article/"),
    (f"{BASE}article//?view=engineer", f"{BASE}article/?view=engineer"),
    (f"{BASE}glossary///", f"{BASE}glossary/"),
    (f"{BASE}article%2F%2F", f"{BASE}article/"),
    (f"{BASE}article%2F", f"{BASE}article/"),
    (f"{BASE}article%2f?view=engineer", f"{BASE}article/?view=engineer"),
    (f"{BASE}article/%2F/", f"{BASE}article/"),
    (f"{BASE.rstrip('/')}%2Farticle/", f"{BASE}article/"),
], ids=["sub-path", "sub-path-query", "double-slash", "double-slash-query", "triple-slash",
        "encoded-double-slash", "encoded-slash", "encoded-slash-query", "mixed-slashes", "encoded-slash-after-the-path"])
def test_redirects_land_on_the_real_address(nginx, target, location):
    response = ask(nginx, "GET", target)
    assert response.status == 301, f"GET {target}: {response.status}"
    assert response.getheader("Location") == location, f"GET {target}: Location {response.getheader('Location')}"
    landed = ask(nginx, "GET", location)
    assert landed.status == 200, f"GET {location}: {landed.status}"


# Addresses that reach the site's location once nginx has decoded and
# normalised them, written so that a redirect built from the raw address would
# begin `/\` or `//`, which a browser reads as another host.
SMUGGLED = [
    "/\\evil.example/../handbook/dev-vs-eng//",
    "/%5Cevil.example/../handbook/dev-vs-eng//",
    "//evil.example/../handbook/dev-vs-eng/article//",
    "/./\\evil.example/%2E%2E/handbook/dev-vs-eng/article%2F",
    f"{BASE}..//\\evil.example/",
    f"{BASE}article//\\evil.example",
]


@pytest.mark.parametrize("target", SMUGGLED)
def test_no_redirect_leaves_the_sites_path(nginx, target):
    response = ask(nginx, "GET", target)
    location = response.getheader("Location")
    assert response.status != 200, f"GET {target}: a page served at an address its relative links do not fit"
    if response.status in (301, 302, 303, 307, 308):
        assert location.startswith(BASE), f"GET {target}: {response.status} to {location!r}, outside {BASE}"
    assert not location or not re.match(r"[/\\]{2}", location), f"GET {target}: Location {location!r} names another host"
