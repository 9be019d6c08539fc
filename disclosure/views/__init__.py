from disclosure.views.health import healthz
from disclosure.views.public import (
    attachment_download,
    comment_submit,
    directory,
    home,
    item_detail,
    photo,
    publication_detail,
    publication_print,
)

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
