"""Stored files as HTTP responses, for the public downloads and the admin's alike.

A file is served sandboxed (it cannot run script in the site's origin) and
kept only by the browser, which asks again each time: an unchanged file is
answered with 304 (its ETag and Last-Modified come from the stored file), a
withdrawn document's with 404. These build responses and query nothing.
"""

from __future__ import annotations

import os

from django.http import FileResponse, Http404
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

CACHE_CONTROL = "private, no-cache"


def photo_response(publication, request=None):
    """A publication's photo, shown inline, as PNG or JPEG by its file name."""
    content_type = "image/png" if publication.photo.name.lower().endswith(".png") else "image/jpeg"
    return file_response(
        publication.photo, None, content_type, as_attachment=False, request=request
    )


def file_response(
    field_file, name: str | None, content_type: str, *, as_attachment: bool, request=None
):
    """The file as a download or inline; given the request, 304 if the browser's copy is current."""
    validators = _validators(field_file) if request is not None else None
    if validators is not None:
        etag, modified = validators
        answer = get_conditional_response(request, etag=etag, last_modified=modified)
        if answer is not None:
            answer["ETag"] = etag
            answer["Cache-Control"] = CACHE_CONTROL
            return answer
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("文件不存在") from None
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=name or "", content_type=content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = CACHE_CONTROL
    if validators is not None:
        response["ETag"] = validators[0]
        response["Last-Modified"] = http_date(validators[1])
    return response


def _validators(field_file) -> tuple[str, int] | None:
    """The stored file's ETag (size and time) and modification time; None if not on disk."""
    try:
        stat = os.stat(field_file.path)
    except (NotImplementedError, OSError, ValueError):
        return None
    return f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"', int(stat.st_mtime)
