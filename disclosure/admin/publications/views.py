"""The staff views of one document: its preview, its files, its history and restoring a version.

Each takes the publication admin first and finds the document through it,
so a document of another office is not found.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from disclosure import permissions
from disclosure.exceptions import WorkflowError
from disclosure.lib.files import file_response, photo_response
from disclosure.models import Publication
from disclosure.selectors.publications import preview_context
from disclosure.services.publications import publication_restore


def preview(model_admin, request, object_id, template="disclosure/publication.html"):
    """The document as citizens will see it, whatever its state, for those who may see it."""
    publication = model_admin.get_visible(request, object_id)
    return TemplateResponse(request, template, preview_context(publication))


def attachment(model_admin, request, object_id, attachment_id):
    """An attachment of a document the user may see, with the public download's checks."""
    publication = model_admin.get_visible(request, object_id)
    found = publication.attachments.filter(pk=attachment_id).first()
    if found is None:
        raise Http404("没有这个附件。")
    return file_response(
        found.file, found.download_name, found.content_type, as_attachment=not found.is_image
    )


def photo(model_admin, request, object_id):
    publication = model_admin.get_visible(request, object_id)
    if not publication.photo:
        raise Http404("这条信息没有照片。")
    return photo_response(publication)


def history(model_admin, request, object_id):
    """Every saved version with the fields it changed, and the workflow events."""
    publication = model_admin.get_visible(request, object_id)
    versions = list(publication.history.select_related("history_user").order_by("-history_date"))
    rows = []
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        changed = []
        if older is not None:
            delta = newer.diff_against(older)
            changed = [
                str(Publication._meta.get_field(change.field).verbose_name)
                for change in delta.changes
                if change.field != "related"
            ]
        rows.append({"version": newer, "changed": changed})
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"历史版本：{publication.title}",
        "opts": model_admin.model._meta,
        "original": publication,
        "rows": rows,
        "events": publication.events.select_related("actor"),
        "can_restore": permissions.publications.can(request.user, "restore", publication),
    }
    return TemplateResponse(request, "admin/disclosure/publication/history.html", context)


def restore(model_admin, request, object_id, history_id):
    publication = model_admin.get_visible(request, object_id)
    if request.method != "POST":
        return redirect("admin:disclosure_publication_history", publication.pk)
    try:
        target = publication_restore(
            publication=publication, history_id=history_id, actor=request.user
        )
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("admin:disclosure_publication_history", publication.pk)
    if target.pk != publication.pk:
        messages.success(
            request, "已用该历史版本生成修改稿，请检查后提交审核；原信息在审核期间照常公开。"
        )
    else:
        messages.success(request, "已恢复该历史版本，请检查后提交审核。")
    return HttpResponseRedirect(reverse("admin:disclosure_publication_change", args=[target.pk]))
