"""What tests make and share: catalogue items, staff, documents, files, the seed table.

The tests make their own files rather than import the demo app, which is
installed only when DEMO is on.
"""

from __future__ import annotations

import io

from django.contrib.auth.models import User
from django.core import serializers
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from demo.files import blank_pdf
from disclosure.models import Attachment, CatalogueItem, Channel, Office, Publication, StaffMember
from disclosure.selectors.catalogue import build_tree
from disclosure.services.catalogue import catalogue_item_save
from disclosure.services.publications import (
    publication_approve,
    publication_save_draft,
    publication_submit,
)

# The PDF tests attach and download: small enough to be listed in bytes.
PDF = blank_pdf()


def portrait(seed: int) -> bytes:
    """A PNG standing in for a leader's photo: a plain 3:4 picture that `seed` shades."""
    buffer = io.BytesIO()
    Image.new("RGB", (240, 320), (120 + seed * 20, 130, 150)).save(buffer, format="PNG")
    return buffer.getvalue()


def staff(office: Office, role: str) -> User:
    """The one member of staff of `office` with `role` (as seed_demo creates them)."""
    return User.objects.get(staff__office=office, staff__role=role)


def make_item(name: str, parent: CatalogueItem | None = None, **fields) -> CatalogueItem:
    """A saved item through the same service the admin uses."""
    return catalogue_item_save(item=CatalogueItem(name=name, parent=parent, **fields))


def item_by_path(path: str) -> CatalogueItem:
    """The item at a slug path such as "zcfg/zcwj"."""
    return CatalogueItem.objects.get_by_path(path)


def make_staff(username: str, office: Office, role: str) -> User:
    """A member of staff of `office` with `role`, who may log in to the admin."""
    user = User.objects.create_user(username, password="a-long-password-1", is_staff=True)
    StaffMember.objects.create(user=user, office=office, role=role)
    return user


def make_draft(author, item_path: str = "jyta", **fields) -> Publication:
    """A draft by `author` under the item at `item_path`, saved through the service."""
    item = item_by_path(item_path)
    fields.setdefault("title", "关于政协提案办理情况的答复")
    fields.setdefault("body", "<p>答复正文</p>")
    fields.setdefault("office", Office.objects.get(name="行政办公室"))
    fields.setdefault("formed_on", timezone.localdate())
    publication = Publication(item=item, **fields)
    return publication_save_draft(publication=publication, actor=author)


def publish(draft, reviewer, **extra) -> Publication:
    """Submit `draft` as its author and approve it as `reviewer`."""
    publication_submit(publication=draft, actor=draft.created_by)
    return publication_approve(
        publication=draft, actor=reviewer, confidentiality_note="经审查，不涉密", **extra
    )


def make_leader(people) -> Publication:
    """A published 领导简介 with a photo: 王建华, 局长."""
    leader = Publication(
        item=item_by_path("jgjj/ldjj"),
        office=people.admin_office,
        title="王建华",
        position="局长",
        formed_on=timezone.localdate(),
    )
    leader.photo.save("p.png", ContentFile(portrait(1)), save=False)
    publication_save_draft(publication=leader, actor=people.editor)
    return publish(leader, people.reviewer)


def make_published(people, item_path: str = "jyta", **fields) -> Publication:
    """A document drafted by `people.editor` and published by `people.reviewer`."""
    return publish(make_draft(people.editor, item_path, **fields), people.reviewer)


def submitted_draft(author, item_path: str = "jyta", **fields) -> Publication:
    """A draft by `author`, submitted for review."""
    draft = make_draft(author, item_path, **fields)
    publication_submit(publication=draft, actor=author)
    return draft


def with_attachment(publication, content: bytes = PDF, name: str = "通知.pdf") -> Attachment:
    """A PDF attached to `publication`, its file saved to the media folder."""
    attachment = Attachment(
        publication=publication, name=name, content_type="application/pdf", size=len(content)
    )
    attachment.file.save("x.pdf", ContentFile(content), save=False)
    attachment.save()
    return attachment


def publication_form(**fields) -> dict:
    """What the publication admin form posts, with no attachment."""
    data = {
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "title": "关于某事的答复",
        "body": "<p>正文</p>",
        "formed_on": timezone.localdate().isoformat(),
    }
    data.update(fields)
    return data


# The seed catalogue as the published table reads on paper: (levels, deadline, office).
T20 = "信息形成或者变更之日起20个工作日内"
ALL = "局机关各股室及局属各单位"
ROWS = [
    (("机关简介", "基本信息"), T20, "行政办公室"),
    (("机关简介", "领导简介"), T20, "行政办公室"),
    (("机关简介", "机关职能及内设机构", "机关职能"), T20, "行政办公室"),
    (("机关简介", "机关职能及内设机构", "内设机构"), T20, "行政办公室"),
    (("机关简介", "所属单位"), T20, "行政办公室"),
    (("政府信息公开", "公开指南"), T20, "行政办公室"),
    (("政府信息公开", "政府信息公开年报"), "每年1月31日前", "行政办公室"),
    (("政策法规", "政策文件"), T20, ALL),
    (("政策法规", "政策解读"), T20, ALL),
    (("行政规范性文件", "行政规范性文件", "行政规范性文件"), T20, "行政办公室"),
    (
        ("财政预决算信息", "财政预算、决算信息", "财政预算、决算信息"),
        "批复后20日内",
        "局财务规划办公室及局属各单位",
    ),
    (("重点领域与民生信息", "稳岗就业", "稳岗就业"), "及时公开", "就业服务中心"),
    (("重点领域与民生信息", "社会保险", "社会保险"), "及时公开", "社会保险服务中心"),
    (("人大建议、政协提案办理情况",), "及时公开", "行政办公室"),
    (("意见征集及反馈",), "及时公开", "行政办公室"),
]
CHANNELS = [
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
]


def leaves() -> list[CatalogueItem]:
    """The catalogue's leaves in tree order, as the directory shows them."""
    items = CatalogueItem.objects.in_tree_order().prefetch_related("channels", "offices")
    return [leaf.item for root in build_tree(items) for leaf in root.leaves()]


def dump() -> str:
    """The channels, offices and items as JSON, to compare before and after."""
    out = io.StringIO()
    objects = [*Channel.objects.all(), *Office.objects.all(), *CatalogueItem.objects.all()]
    serializers.serialize("json", objects, stream=out)
    return out.getvalue()


# -- the annual report -----------------------------------------------------------

FILLED = "<p>本年度按要求开展了政府信息公开工作。</p>"


def report_filled(report, editor):
    """The report with every section written, no "（请填写……）" prompt left."""
    from disclosure.services.reports import annual_report_save_sections

    return annual_report_save_sections(
        report=report,
        actor=editor,
        overview="<h3>（一）主动公开</h3><p>本年度主动公开政府信息。</p>",
        problems="<p>公开内容还不够全面，明年改进。</p>",
        other_matters=FILLED,
    )


def publish_report(report, editor, reviewer):
    """Submit the report's document as `editor` and approve it as `reviewer`."""
    publication = report.publication
    publication_submit(publication=publication, actor=editor)
    return publication_approve(
        publication=publication, actor=reviewer, confidentiality_note="经审查，不涉密"
    )


# Every part of the site's identity (网站信息) filled in.
SITE_IDENTITY = {
    "domain": "www.zlt.gov.cn/rsj",
    "website_code": "1507830012",
    "conac_url": "https://bszs.conac.cn/sitename?method=show&id=ABC123",
    "icp_record": "蒙ICP备12345678号",
    "police_record": "蒙公网安备 15078302000123号",
    "portal_name": "扎兰屯市人民政府",
    "portal_url": "https://www.zlt.gov.cn/",
    "hotline_url": "https://12345.example.gov.cn/",
    "services_url": "https://zwfw.nmg.gov.cn/",
}
