"""Downloads of published files: a document's attachments and its photo."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from disclosure import permissions
from disclosure.lib.files import file_response, photo_response
from disclosure.models import Attachment, Publication


@require_safe
def attachment_download(request, pk: int, attachment: int):
    """A published document's attachment under its own name: an image is shown, anything else downloads.

    The image of a document not public yet is shown to staff who may see the
    document: the editor shows a draft's images at the addresses its body keeps.
    """
    found = Attachment.objects.filter(
        publication__in=Publication.objects.public(), pk=attachment, publication_id=pk
    ).first()
    if found is None and request.user.is_authenticated:
        found = Attachment.objects.filter(
            publication__in=permissions.publications.visible(request.user),
            pk=attachment,
            publication_id=pk,
        ).first()
        if found is not None and not found.is_image:
            found = None
    if found is None:
        raise Http404("没有这个附件。")
    return file_response(
        found.file,
        found.download_name,
        found.content_type,
        as_attachment=not found.is_image,
        request=request,
    )


@require_safe
def photo(request, pk: int):
    publication = get_object_or_404(Publication.objects.public().exclude(photo=""), pk=pk)
    return photo_response(publication, request)
