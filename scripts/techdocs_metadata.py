"""Finish a TechDocs build's techdocs_metadata.json as `techdocs-cli generate` does.

Backstage's techdocs-core plugin writes the file with the site's name and
description; `generate` then adds `build_timestamp` (milliseconds) and `files`
(every file of the build, relative to it), which the portal reads to know
when a build changed and which files to keep. ./scripts/techdocs builds with
MkDocs itself (see why there), so it adds the two here.
Usage: python scripts/techdocs_metadata.py OUT_DIR
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def finish(out: Path) -> dict:
    path = out / "techdocs_metadata.json"
    if not path.is_file():
        raise SystemExit(f"scripts/techdocs_metadata.py: {path} is missing: build with mkdocs-techdocs.yml, "
                         "whose techdocs-core plugin writes it")
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise SystemExit(f"scripts/techdocs_metadata.py: {path} is not JSON ({error}); build again with ./scripts/techdocs")
    metadata["build_timestamp"] = int(time.time() * 1000)
    metadata["files"] = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    path.write_text(json.dumps(metadata), encoding="utf-8")
    return metadata


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/techdocs_metadata.py OUT_DIR")
    finish(Path(sys.argv[1]))
