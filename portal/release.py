"""Which release of the code is running, for the keys of the shared cache."""

import hashlib
from pathlib import Path

# What builds the pages and parts kept in the cache.
PARTS = ("portal", "disclosure", "demo", "templates", "static")


def release_digest(root: Path) -> str:
    """Twelve hex digits of a digest of the code, templates and static files under `root`.

    Pages and rendered parts kept in a shared cache were built by one release:
    with the digest in their keys, servers running another one (during an
    upgrade, or after it) never read them. Two checkouts of the same commit
    give the same digest, wherever they are.
    """
    digest = hashlib.sha256()
    for part in PARTS:
        for path in sorted((root / part).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
