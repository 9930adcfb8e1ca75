"""Pages on paper: printed to PDF in Chromium, counted, and read back with poppler's pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess

from .browser import print_media


def pdftotext(pdf, *args) -> list[str]:
    """The text of each page of `pdf` (poppler-utils; ./scripts/test installs it)."""
    assert shutil.which("pdftotext"), "pdftotext is missing: apt-get install poppler-utils (./scripts/test does)"
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]  # one form feed ends each page


def squeeze(text: str) -> str:
    """`text` with each run of white space one space."""
    return re.sub(r"\s+", " ", text).strip()


def bare(text: str) -> str:
    """`text` without white space or hyphens, as a line break on paper may add or drop them."""
    return re.sub(r"[\s-]+", "", text)


def printout(fresh_context, tmp_path, path: str, view: str):
    """Open `path` in `view` as a reader would, and print it to A4. Returns (page, pdf file)."""
    page = fresh_context().new_page()
    page.goto(f"{path}?view={view}")
    pdf = tmp_path / f"{path.strip('/')}-{view}.pdf"
    page.pdf(path=str(pdf), format="A4")
    return page, pdf


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def printed_handout(context, view: str, sheet: str) -> tuple[int, str]:
    """The handout printed in `view` on `sheet` ("A4", "Letter"): its page count and its printed address line."""
    page = context.new_page()
    page.goto(f"handout/?view={view.lower()}")
    print_media(page)
    line = page.locator(".print-address").inner_text()
    pdf = page.pdf(format=sheet, print_background=False)
    page.close()
    return pdf_pages(pdf), line
