"""Downloads of published files: a document's attachments and its photo."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from disclosure.lib.files import file_response, photo_response
from disclosure.models import Attachment, Publication


@require_safe
def attachment_download(request, pk: int, attachment: int):
    """A published document's attachment under its own name: an image is shown, anything else downloads."""
    file = get_object_or_404(
        Attachment.objects.filter(publication__in=Publication.objects.public()),
        pk=attachment,
        publication_id=pk,
    )
    return file_response(
        file.file, file.download_name, file.content_type, as_attachment=not file.is_image
    )


@require_safe
def photo(request, pk: int):
    publication = get_object_or_404(Publication.objects.public().exclude(photo=""), pk=pk)
    return photo_response(publication)
