from disclosure.views.catalogue import (
    attachment_download,
    comment_submit,
    directory,
    home,
    item_detail,
    photo,
    publication_detail,
    publication_print,
)
from disclosure.views.health import healthz

__all__ = [
    "attachment_download",
    "comment_submit",
    "directory",
    "healthz",
    "home",
    "item_detail",
    "photo",
    "publication_detail",
    "publication_print",
]
