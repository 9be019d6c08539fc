"""The open-data API (/api/v1/): the public catalogue and public documents' metadata, as JSON.

Read-only and paginated. Every document comes from
`Publication.objects.public()`; a withdrawn document's address answers 410
with its withdrawal time and nothing of its content. Each client (as the
citizens' forms know it) may make `RATE_LIMITS["api"]` requests in a window;
browsers on other sites may read it only from the origins API_CORS_ORIGINS
lists. Bad parameters are a 400 with a Chinese `error`, never a server error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import wraps

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from disclosure.lib.moments import parse_moment
from disclosure.models import Attachment, CatalogueItem, Office, Publication
from disclosure.selectors.catalogue import Node, find_item, find_path, public_tree
from disclosure.selectors.open_data import (
    documents_in_order,
    public_documents,
    subtree_ids,
    withdrawn_document,
    withdrawn_documents,
)
from disclosure.services.ratelimit import client_key, retry_after, take

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_ID_DIGITS = 9
HUGE_DIGITS = 18
CACHE_SECONDS = 300
_ITEM_PATH = re.compile(r"[-\w]{1,50}(?:/[-\w]{1,50}){0,2}")


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def api_view(view: Callable) -> Callable:
    """GET and HEAD only, counted against the client's limit, errors as JSON, CORS as set."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _json({"error": "开放数据接口只读，只接受 GET 和 HEAD 请求。"}, status=405)
            response["Allow"] = "GET, HEAD"
        else:
            response = _answer(view, request, *args, **kwargs)
        return _with_cors(request, response)

    return wrapper


def _answer(view: Callable, request: HttpRequest, *args, **kwargs) -> JsonResponse:
    client = client_key(request)
    if not take("api", client):
        wait = retry_after("api", client)
        response = _json({"error": f"本网络的访问次数已达上限，请于 {wait} 秒后再试。"}, status=429)
        response["Retry-After"] = str(wait)
        return response
    try:
        response = view(request, *args, **kwargs)
    except ApiError as error:
        return _json({"error": error.message}, status=error.status)
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def _with_cors(request: HttpRequest, response: JsonResponse) -> JsonResponse:
    if not settings.API_CORS_ORIGINS:
        return response
    patch_vary_headers(response, ("Origin",))
    origin = request.headers.get("Origin", "")
    if origin in settings.API_CORS_ORIGINS:
        response["Access-Control-Allow-Origin"] = origin
    return response


# Formats -------------------------------------------------------------------


def _moment(value: datetime | None) -> str | None:
    """ISO 8601 in Beijing time: 2026-01-31T08:00:00+08:00."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _item(request: HttpRequest, item: CatalogueItem) -> dict:
    return {
        "id": item.id,
        "path": item.path(),
        "name": item.name,
        "level": item.level,
        "parent": item.parent_id,
        "content": item.content,
        "deadline_text": item.deadline_text,
        "publisher": item.publisher,
        "channels": [channel.name for channel in item.channels.all()],
        "audience": item.get_audience_display(),
        "audience_note": item.audience_note,
        "office_scope": item.get_office_scope_display(),
        "offices": [office.name for office in item.offices.all()],
        "office_text": item.office_display(),
        "basis": item.basis,
        "mode": item.get_mode_display(),
        "levels": item.get_levels_display(),
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "documents_url": request.build_absolute_uri(
            f"{reverse('disclosure:api_documents')}?item={item.id}"
        ),
    }


def _attachment(request: HttpRequest, attachment: Attachment) -> dict:
    return {
        "name": attachment.download_name,
        "type": attachment.content_type,
        "size": attachment.size,
        "url": request.build_absolute_uri(attachment.get_absolute_url()),
    }


def _document(request: HttpRequest, document: Publication, item: CatalogueItem) -> dict:
    return {
        "id": document.id,
        "index_number": document.index_number or None,
        "title": document.title,
        "doc_number": document.doc_number or None,
        "written_on": _day(document.written_on),
        "formed_on": _day(document.formed_on),
        "published_at": _moment(document.published_at),
        "validity": document.get_validity_display() or None,
        "validity_changed_on": _day(document.validity_changed_on),
        "item": {"id": item.id, "path": item.path(), "name": item.name},
        "office": {"id": document.office_id, "name": document.office.name},
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "attachments": [_attachment(request, a) for a in document.attachments.all()],
        "updated_at": _moment(document.updated_at),
        "changed_at": _moment(document.changed_at),
    }


# Parameters ----------------------------------------------------------------


def _positive(value: str, message: str) -> int:
    """A positive whole number in ASCII digits; one of more than 18 digits reads as 10**18."""
    value = value.strip()
    if not value.isascii() or not value.isdigit() or not value.strip("0"):
        raise ApiError(400, message)
    if len(value.lstrip("0")) > HUGE_DIGITS:
        return 10**HUGE_DIGITS
    return int(value)


def _page(request: HttpRequest, rows) -> tuple[list, dict]:
    """The page `?page=` asks for, `?page_size=` rows long, and its count and links."""
    size = PAGE_SIZE
    if request.GET.get("page_size", "").strip():
        size = _positive(request.GET["page_size"], "page_size 应为 1 到 100 之间的整数。")
        if size > MAX_PAGE_SIZE:
            raise ApiError(400, "page_size 应为 1 到 100 之间的整数。")
    number = 1
    if request.GET.get("page", "").strip():
        number = _positive(request.GET["page"], "page 应为正整数，例如 page=2。")
    paginator = Paginator(rows, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise ApiError(404, f"没有这一页，共 {paginator.num_pages} 页。") from None

    def link(to: int) -> str:
        query = request.GET.copy()
        query["page"] = str(to)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return list(page.object_list), {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }


def _item_node(tree: list[Node], value: str) -> Node:
    """The public item `?item=` names, by id (`12`) or path (`zcfg/zcwj`)."""
    value = value.strip().strip("/")
    node = None
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        node = find_item(tree, int(value))
    elif _ITEM_PATH.fullmatch(value):
        node = find_path(tree, value.split("/"))
    else:
        raise ApiError(400, "item 应为目录事项的编号或路径，例如 item=12 或 item=zcfg/zcwj。")
    if node is None:
        raise ApiError(400, "没有这个公开的目录事项，请从 /api/v1/items/ 中选择。")
    return node


def _office_id(value: str) -> int:
    message = "office 应为科室编号（正整数），请从 /api/v1/documents/ 结果中的 office.id 选择。"
    office_id = _positive(value, message)
    if len(str(office_id)) > MAX_ID_DIGITS or not Office.objects.filter(pk=office_id).exists():
        raise ApiError(400, "没有这个科室。")
    return office_id


def _changed_since(value: str) -> datetime:
    moment = parse_moment(value, timezone.get_current_timezone())
    if moment is None:
        raise ApiError(
            400,
            "changed_since 不是有效的日期或时间，例如 2026-01-31 或 2026-01-31T08:00:00+08:00。",
        )
    return moment


def _flat(tree: list[Node]) -> list[CatalogueItem]:
    stack, items = list(reversed(tree)), []
    while stack:
        node = stack.pop()
        items.append(node.item)
        stack.extend(reversed(node.children))
    return items


# Endpoints -----------------------------------------------------------------


@api_view
def index(request: HttpRequest) -> JsonResponse:
    limit, seconds = settings.RATE_LIMITS["api"]
    url = request.build_absolute_uri
    return _json(
        {
            "name": "政府信息公开开放数据接口",
            "version": "v1",
            "description": "主动公开事项目录和已公开政府信息的元数据，只读，JSON 格式，分页返回。"
            "未公开、定时未到和已撤回的信息不在其中。",
            "endpoints": {
                "items": {
                    "url": url(reverse("disclosure:api_items")),
                    "description": "主动公开事项目录，按目录顺序。",
                    "parameters": {
                        "page": "页码，从 1 开始",
                        "page_size": "每页条数，1 到 100，默认 20",
                    },
                },
                "item": {
                    "url": url(reverse("disclosure:api_items")) + "{id}/",
                    "description": "一个目录事项。",
                },
                "documents": {
                    "url": url(reverse("disclosure:api_documents")),
                    "description": "已公开的政府信息，按发布时间从新到旧；"
                    "给出 changed_since 时按变更时间从早到晚。",
                    "parameters": {
                        "item": "目录事项编号或路径（含其下级事项），例如 12 或 zcfg/zcwj",
                        "office": "发布科室编号",
                        "changed_since": "只列此时或之后发布或修改的信息（取发布时间与修改时间中较晚者，"
                        "即 changed_at），例如 2026-01-31 或 2026-01-31T08:00:00+08:00",
                        "page": "页码，从 1 开始",
                        "page_size": "每页条数，1 到 100，默认 20",
                    },
                },
                "document": {
                    "url": url(reverse("disclosure:api_documents")) + "{id}/",
                    "description": "一条已公开的信息；已撤回的返回 410 和撤回时间。",
                },
                "withdrawn": {
                    "url": url(reverse("disclosure:api_withdrawn")),
                    "description": "已撤回的信息（编号、索引号、标题、撤回时间），按撤回时间从新到旧；"
                    "给出 changed_since 时按撤回时间从早到晚，供同步时删除。",
                    "parameters": {
                        "changed_since": "只列此时或之后撤回的信息，例如 2026-01-31 或 "
                        "2026-01-31T08:00:00+08:00",
                        "page": "页码，从 1 开始",
                        "page_size": "每页条数，1 到 100，默认 20",
                    },
                },
            },
            "limits": {"requests": limit, "seconds": seconds},
        }
    )


@api_view
def items(request: HttpRequest) -> JsonResponse:
    rows, body = _page(request, _flat(public_tree()))
    return _json({**body, "results": [_item(request, item) for item in rows]})


@api_view
def item_detail(request: HttpRequest, pk: int) -> JsonResponse:
    node = find_item(public_tree(), pk)
    if node is None:
        raise ApiError(404, "没有这个公开的目录事项。")
    return _json(_item(request, node.item))


@api_view
def documents(request: HttpRequest) -> JsonResponse:
    tree = public_tree()
    item_ids = office_id = changed_since = None
    if request.GET.get("item", "").strip():
        item_ids = subtree_ids(_item_node(tree, request.GET["item"]))
    if request.GET.get("office", "").strip():
        office_id = _office_id(request.GET["office"])
    if request.GET.get("changed_since", "").strip():
        changed_since = _changed_since(request.GET["changed_since"])
    found = public_documents(item_ids=item_ids, office_id=office_id, changed_since=changed_since)
    ids, body = _page(request, found.values_list("pk", flat=True))
    rows = documents_in_order(ids)
    by_id = {item.id: item for item in _flat(tree)}
    return _json({**body, "results": [_document(request, doc, by_id[doc.item_id]) for doc in rows]})


@api_view
def withdrawn(request: HttpRequest) -> JsonResponse:
    changed_since = None
    if request.GET.get("changed_since", "").strip():
        changed_since = _changed_since(request.GET["changed_since"])
    found = withdrawn_documents(changed_since=changed_since).only(
        "pk", "index_number", "title", "withdrawn_at"
    )
    rows, body = _page(request, found)
    return _json(
        {
            **body,
            "results": [
                {
                    "id": document.pk,
                    "index_number": document.index_number or None,
                    "title": document.title,
                    "withdrawn_at": _moment(document.withdrawn_at),
                    "url": request.build_absolute_uri(document.get_absolute_url()),
                }
                for document in rows
            ],
        }
    )


@api_view
def document_detail(request: HttpRequest, pk: int) -> JsonResponse:
    found = public_documents().filter(pk=pk).values_list("pk", flat=True)
    document = next(iter(documents_in_order(list(found))), None)
    if document is None:
        withdrawn = withdrawn_document(pk)
        if withdrawn is not None:
            return _json(
                {
                    "error": "该信息已撤回。",
                    "id": withdrawn.pk,
                    "withdrawn_at": _moment(withdrawn.withdrawn_at),
                },
                status=410,
            )
        raise ApiError(404, "没有这条公开的信息。")
    node = find_item(public_tree(), document.item_id)
    return _json(_document(request, document, node.item))
