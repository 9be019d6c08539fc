"""Stored files as HTTP responses, for the public downloads and the admin's alike.

A file is served sandboxed (it cannot run script in the site's origin) and
cached only by the browser. These build responses and query nothing.
"""

from __future__ import annotations

from django.http import FileResponse, Http404


def photo_response(publication):
    """A publication's photo, shown inline, as PNG or JPEG by its file name."""
    content_type = "image/png" if publication.photo.name.lower().endswith(".png") else "image/jpeg"
    return file_response(publication.photo, None, content_type, as_attachment=False)


def file_response(field_file, name: str | None, content_type: str, *, as_attachment: bool):
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("文件不存在") from None
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=name or "", content_type=content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=300"
    return response
