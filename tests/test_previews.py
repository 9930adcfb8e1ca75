"""Link previews: what a chat tool or wiki shows when a page's link is pasted.

Every page has its own description, a canonical URL, and OpenGraph and Twitter
card tags, all with absolute URLs under site_url, and a 1200x630 PNG picture
served by the site itself. Read from the built HTML, as a link unfurler does.
"""

from __future__ import annotations

import struct
import urllib.request

import pytest

from conftest import NAV_PAGES, both_engines
from support.editorial import quantity
from support.builds import parsed_html

# The views, links, previews and accessibility hold on both engines' builds.
pytestmark = both_engines

TAGS = ["og:title", "og:description", "og:url", "og:type", "og:image", "twitter:card"]


def head(site, path: str) -> dict[str, str]:
    html = (site.path / path / "index.html").read_text(encoding="utf-8")
    soup = parsed_html(html)
    tags = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("head meta[content]")}
    canonical = soup.select_one('head link[rel="canonical"]')
    tags["canonical"] = canonical["href"] if canonical else None
    tags["title"] = soup.title.string
    return tags


@pytest.mark.parametrize("path", NAV_PAGES, ids=lambda p: p or "home")
def test_every_page_has_its_preview_tags(site, path):
    tags = head(site, path)
    missing = [t for t in TAGS if not tags.get(t)]
    assert not missing, f"{path or 'home'} lacks {missing}"
    assert tags["canonical"] == site.url + path, "canonical URL is not the page's own, absolute address"
    assert tags["og:url"] == tags["canonical"]
    assert tags["og:title"] == tags["title"] == tags["twitter:title"]
    assert tags["og:description"] == tags["description"] == tags["twitter:description"]
    assert tags["og:type"] == ("website" if path == "" else "article")
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"] == tags["twitter:image"] and tags["og:image"].startswith(site.url)


def test_every_page_has_its_own_description(site):
    descriptions = {path: head(site, path)["description"] for path in NAV_PAGES}
    assert len(set(descriptions.values())) == len(NAV_PAGES), f"pages share a description: {descriptions}"
    shortest, longest = quantity("previews.description_characters")
    for path, text in descriptions.items():
        assert shortest <= len(text) <= longest, (
            f"{path or 'home'}: a {len(text)}-character description is cut or thin in previews; "
            f"write {shortest} to {longest} characters (editorial/quantities.yml)")


def test_the_preview_picture_is_a_small_1200x630_png_served_by_the_site(site):
    images = {head(site, path)["og:image"] for path in NAV_PAGES}
    assert len(images) == 1, images
    with urllib.request.urlopen(images.pop()) as response:  # served from 127.0.0.1, like every page
        assert response.headers["Content-Type"] == "image/png"
        data = response.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert (width, height) == (1200, 630)
    assert len(data) < 100_000, f"the preview picture is {len(data)} bytes; keep it under 100 KB"
