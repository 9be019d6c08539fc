from .health import healthz
from .public import (
    attachment_download,
    directory,
    home,
    item_detail,
    photo,
    publication_detail,
    publication_print,
)

__all__ = [
    "attachment_download",
    "directory",
    "healthz",
    "home",
    "item_detail",
    "photo",
    "publication_detail",
    "publication_print",
]
