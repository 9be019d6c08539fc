"""Demo content: staff in each office and documents in every state.

Used by `manage.py seed_demo`; the documents go through the same workflow
services as real ones, so their events and history are real too.
"""

from __future__ import annotations

import io
import json
import random
import secrets
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from disclosure.lib.codes import index_number
from disclosure.lib.deadlines import due_date, uses_calendar
from disclosure.models import (
    Attachment,
    CatalogueItem,
    DocumentField,
    HolidaySchedule,
    IndexNumberSequence,
    Office,
    Publication,
    StaffMember,
)
from disclosure.services.publications import (
    publication_approve,
    publication_return,
    publication_save_draft,
    publication_submit,
    publication_withdraw,
)

Role = StaffMember.Role
Status = Publication.Status

# office name -> (username prefix, editor's name, reviewer's name)
STAFF = {
    "行政办公室": ("xzbgs", ("王", "芳"), ("李", "建国")),
    "财务规划办公室": ("cwgh", ("赵", "丽"), ("孙", "志强")),
    "就业服务中心": ("jyzx", ("刘", "洋"), ("陈", "红梅")),
    "社会保险服务中心": ("sbzx", ("张", "敏"), ("周", "海涛")),
}
ROLE_NAMES = {Role.EDITOR: "信息员", Role.REVIEWER: "审核人"}
APPROVAL_NOTE = "经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。"

YEAR = timezone.localdate().year


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# Documents per item path: (title, extra fields, body)
DOCUMENTS: dict[str, list[tuple[str, dict, str]]] = {
    "zcfg/zcwj": [
        (
            f"扎兰屯市人力资源和社会保障局关于做好{YEAR}年高校毕业生等青年就业创业工作的通知",
            {
                "doc_number": f"扎人社发〔{YEAR}〕8号",
                "written_on": date(YEAR, 3, 12),
                "keywords": "就业 高校毕业生 通知",
            },
            _p(
                "各苏木乡镇办事处人力资源和社会保障所，局属各单位：",
                "为贯彻落实国家和自治区关于促进高校毕业生等青年就业创业的决策部署，现就做好今年有关工作通知如下。",
                "一、拓宽就业渠道。各单位要主动对接辖区企业，归集适合高校毕业生的岗位信息，通过招聘会、网络招聘等方式及时发布。",
                "二、落实扶持政策。对吸纳离校未就业高校毕业生的企业，按规定落实一次性吸纳就业补贴和社会保险补贴。",
            ),
        ),
        (
            "扎兰屯市人力资源和社会保障局关于进一步规范劳务派遣用工的通知",
            {
                "doc_number": f"扎人社发〔{YEAR}〕15号",
                "written_on": date(YEAR, 5, 20),
                "keywords": "劳动关系 劳务派遣",
            },
            _p(
                "各用人单位：",
                "为维护劳务派遣劳动者合法权益，规范劳务派遣用工行为，现将有关事项通知如下。",
            ),
        ),
        (
            "扎兰屯市人力资源和社会保障局关于开展根治欠薪冬季专项行动的通知",
            {
                "doc_number": f"扎人社发〔{YEAR}〕27号",
                "written_on": date(YEAR, 11, 3),
                "keywords": "欠薪 专项行动",
            },
            _p(
                "各有关单位：",
                "为切实保障农民工工资按时足额支付，决定自即日起至明年春节前开展根治欠薪冬季专项行动。",
            ),
        ),
    ],
    "zcfg/zcjd": [
        (
            f"《关于做好{YEAR}年高校毕业生等青年就业创业工作的通知》政策解读",
            {"keywords": "解读 就业 高校毕业生"},
            _p(
                "一、出台背景：高校毕业生是宝贵的人才资源，做好就业工作事关民生福祉。",
                "二、主要内容：通知从拓宽就业渠道、落实扶持政策、强化就业服务三个方面提出了具体措施。",
                "三、申请方式：符合条件的企业和个人可到市政务服务中心人社窗口申请，也可通过网上办事大厅办理。",
            ),
        ),
        (
            "一图读懂根治欠薪冬季专项行动",
            {"keywords": "解读 欠薪"},
            _p(
                "专项行动重点检查工程建设领域和劳动密集型加工制造、餐饮服务等行业。",
                "举报投诉电话：12345。",
            ),
        ),
    ],
    "gfxwj/gfxwj/gfxwj": [
        (
            "扎兰屯市就业补助资金管理办法",
            {
                "doc_number": f"扎人社规〔{YEAR - 1}〕1号",
                "written_on": date(YEAR - 1, 6, 18),
                "validity": "valid",
                "keywords": "就业补助资金 管理办法",
            },
            _p(
                "第一条 为规范就业补助资金管理，提高资金使用效益，根据有关规定，制定本办法。",
                "第二条 本办法所称就业补助资金，是指用于促进就业创业的专项资金。",
            ),
        ),
        (
            "扎兰屯市职业技能培训补贴实施细则",
            {
                "doc_number": f"扎人社规〔{YEAR - 4}〕2号",
                "written_on": date(YEAR - 4, 4, 2),
                "validity": "repealed",
                "validity_changed_on": date(YEAR - 1, 6, 18),
                "keywords": "职业培训 补贴",
            },
            _p(
                "第一条 为规范职业技能培训补贴发放，制定本细则。",
                "（本细则已被《扎兰屯市就业补助资金管理办法》废止。）",
            ),
        ),
    ],
    "czyjs/czyjs/czyjs": [
        (
            f"扎兰屯市人力资源和社会保障局{YEAR}年部门预算",
            {"budget_year": YEAR, "approved_on": date(YEAR, 2, 10), "keywords": "部门预算"},
            _p(
                f"根据市财政局批复，现将本局{YEAR}年部门预算公开如下。",
                "一、部门主要职责；二、部门预算单位构成；三、收支预算总表。",
            ),
        ),
        (
            f"扎兰屯市人力资源和社会保障局{YEAR - 1}年部门决算",
            {"budget_year": YEAR - 1, "approved_on": date(YEAR, 8, 20), "keywords": "部门决算"},
            _p(f"根据市财政局批复，现将本局{YEAR - 1}年部门决算公开如下。"),
        ),
    ],
    "zfxxgk/ndbg": [
        (
            f"扎兰屯市人力资源和社会保障局{YEAR - 1}年政府信息公开工作年度报告",
            {"keywords": "年度报告 政府信息公开", "formed_on": date(YEAR - 1, 12, 31)},
            _p(
                "本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的年度报告格式编制。",
                "一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。",
            ),
        ),
    ],
    "zdly/wgjy/wgjy": [
        (
            f"{YEAR}年“春风行动”暨就业援助月专场招聘会公告",
            {"keywords": "招聘会 春风行动"},
            _p(
                "时间：2月20日上午9:00—12:00",
                "地点：扎兰屯市人力资源市场",
                "参会企业46家，提供岗位1200余个。",
            ),
        ),
        (
            f"{YEAR}年第三季度就业补助资金发放情况公示",
            {"keywords": "就业补助资金 公示"},
            _p("现将第三季度社会保险补贴、公益性岗位补贴发放情况予以公示，公示期5个工作日。"),
        ),
        (
            "面向城乡劳动者开展电工、家政服务员职业技能培训的通知",
            {"keywords": "职业培训"},
            _p("培训对象：有培训需求的城乡劳动者。培训费用：符合条件的免费培训。"),
        ),
    ],
    "zdly/shbx/shbx": [
        (
            f"关于{YEAR + 1}年度城乡居民基本养老保险集中缴费的通知",
            {"keywords": "城乡居民养老保险 缴费"},
            _p("缴费时间：即日起至12月31日。", "缴费档次：每年200元至5000元共十二个档次。"),
        ),
        (
            "失业保险稳岗返还办事指南",
            {"keywords": "失业保险 稳岗返还 办事指南"},
            _p(
                "申请条件：上年度未裁员或裁员率不高于规定标准的参保企业。",
                "办理方式：免申即享，资金直接拨付至企业账户。",
            ),
        ),
    ],
    "jyta": [
        (
            f"对市政协十一届{YEAR - 2021}次会议第23号提案的答复",
            {"keywords": "政协提案 答复"},
            _p("您提出的关于加强灵活就业人员权益保障的提案收悉，现答复如下。"),
        ),
    ],
}
PAGES = {
    "jgjj/jbxx": (
        "基本信息",
        _p(
            "机关名称：扎兰屯市人力资源和社会保障局",
            "办公地址：扎兰屯市（演示地址）",
            "办公时间：工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
            "联系电话：0470-0000000（演示号码）",
        ),
    ),
    "jgjj/znjg/jgzn": (
        "机关职能",
        _p(
            "（一）贯彻执行人力资源和社会保障事业发展规划和政策。",
            "（二）拟订全市促进就业的措施，统筹建立覆盖城乡的就业服务体系。",
            "（三）统筹推进覆盖城乡的多层次社会保障体系建设。",
            "（四）负责劳动保障监察和劳动人事争议调解仲裁工作。",
        ),
    ),
    "zfxxgk/gkzn": (
        "扎兰屯市人力资源和社会保障局政府信息公开指南",
        _p(
            "为更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。",
            "一、主动公开：本局按照主动公开事项目录公开政府信息，一般在信息形成或者变更之日起20个工作日内公开。",
            "二、依申请公开：公民、法人或者其他组织可以向本局申请获取相关政府信息。本局收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复。",
            "三、监督保障：公民、法人或者其他组织认为本局在政府信息公开工作中侵犯其合法权益的，可以向上一级主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
        ),
    ),
}
LEADERS = [
    ("王建华", "党组书记、局长", "主持局全面工作。"),
    ("刘秀英", "党组成员、副局长", "负责就业、职业能力建设方面的工作。"),
    ("陈志刚", "党组成员、副局长", "负责社会保险、劳动关系方面的工作。"),
]


class Accounts:
    """Demo passwords, generated once and kept in a file so reruns print the same."""

    def __init__(self, path: Path):
        self.path = path
        self.saved = json.loads(path.read_text()) if path.exists() else {}

    def password_for(self, user: User) -> str:
        saved = self.saved.get(user.username)
        if saved and user.check_password(saved):
            return saved
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save(update_fields=["password"])
        self.saved[user.username] = password
        return password

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.saved, ensure_ascii=False, indent=1))
        self.path.chmod(0o600)


def ensure_staff(accounts: Accounts) -> list[tuple[str, str, str, str]]:
    """Demo editors and reviewers; returns (office, username, password, role) lines."""
    lines = []
    for office in Office.objects.filter(name__in=STAFF).order_by("order", "id"):
        prefix, editor_name, reviewer_name = STAFF[office.name]
        for role, (last, first) in ((Role.EDITOR, editor_name), (Role.REVIEWER, reviewer_name)):
            username = f"{prefix}_{role}"
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={"last_name": last, "first_name": first, "is_staff": True},
            )
            StaffMember.objects.update_or_create(
                user=user, defaults={"office": office, "role": role}
            )
            lines.append((office.name, username, accounts.password_for(user), ROLE_NAMES[role]))
    return lines


def staff(office: Office, role: str) -> User:
    return User.objects.get(staff__office=office, staff__role=role)


def _office_for(item: CatalogueItem) -> Office:
    offices = [office for office in item.responsible_offices() if office.name in STAFF]
    return offices[0]


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _portrait(seed: int) -> bytes:
    """A plain silhouette standing in for a leader's photo."""
    image = Image.new("RGB", (300, 400), (214, 224, 236))
    draw = ImageDraw.Draw(image)
    shade = (120 + seed * 20, 130, 150)
    draw.ellipse((95, 70, 205, 190), fill=shade)
    draw.rounded_rectangle((55, 210, 245, 420), radius=60, fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _item(path: str) -> CatalogueItem:
    return CatalogueItem.objects.get_by_path(path)


def _draft(item, office, title, fields, body, event_on: date | None = None, **extra) -> Publication:
    """A draft; `event_on` is when its deadline starts (formed, or approved for budgets)."""
    values = {"formed_on": timezone.localdate() - timedelta(days=3)}
    values |= fields
    if event_on is not None:
        values["approved_on" if item.requires(DocumentField.APPROVED_ON) else "formed_on"] = (
            event_on
        )
    publication = Publication(item=item, office=office, title=title, body=body, **values, **extra)
    return publication_save_draft(publication=publication, actor=staff(office, Role.EDITOR))


def _event_for_due_soon(item: CatalogueItem, calendar) -> date | None:
    """An event date that makes the item's deadline fall within the next three working days."""
    rule = item.deadline()
    if rule is None or not uses_calendar(rule):
        return None
    today = timezone.localdate()
    horizon = calendar.add_workdays(today, 3)
    for days_ago in range(0, 120):
        start = today - timedelta(days=days_ago)
        if today <= due_date(rule, start, calendar) <= horizon:
            return start
    return None


def _publish(publication: Publication) -> Publication:
    office = publication.office
    publication_submit(publication=publication, actor=staff(office, Role.EDITOR))
    return publication_approve(
        publication=publication,
        actor=staff(office, Role.REVIEWER),
        confidentiality_note=APPROVAL_NOTE,
    )


@transaction.atomic
def create_documents() -> int:
    """Documents under every item, in every state. Returns how many were made."""
    made = []
    calendar = HolidaySchedule.objects.calendar()
    for path, documents in DOCUMENTS.items():
        item = _item(path)
        office = _office_for(item)
        for title, fields, body in documents:
            publication = _draft(item, office, title, fields, body)
            made.append(_publish(publication))
        first_title, fields, body = documents[0]
        # One of each other state under every item.
        scheduled = _draft(
            item,
            office,
            f"（定时发布）{first_title}的补充说明",
            fields,
            body,
            published_at=timezone.now() + timedelta(days=3),
        )
        made.append(_publish(scheduled))
        submitted = _draft(
            item,
            office,
            f"（待审核）{first_title}的更正说明",
            fields,
            body,
            event_on=_event_for_due_soon(item, calendar),
        )
        publication_submit(publication=submitted, actor=staff(office, Role.EDITOR))
        returned = _draft(
            item,
            office,
            f"（草稿）{first_title}的配套措施",
            fields,
            body,
            event_on=timezone.localdate() - timedelta(days=45),
        )
        publication_submit(publication=returned, actor=staff(office, Role.EDITOR))
        publication_return(
            publication=returned, actor=staff(office, Role.REVIEWER), reason="请补充附件后再提交。"
        )
        withdrawn = _publish(_draft(item, office, f"（已撤回）{first_title}（旧版）", fields, body))
        publication_withdraw(
            publication=withdrawn,
            actor=staff(office, Role.REVIEWER),
            reason="该信息内容已更新，以新发布的版本为准。",
        )
        made += [submitted, returned, withdrawn]

    policy = Publication.objects.get(title=DOCUMENTS["zcfg/zcwj"][0][0])
    reading = Publication.objects.get(title=DOCUMENTS["zcfg/zcjd"][0][0])
    policy.related.add(reading)
    for publication in Publication.objects.filter(
        status=Status.PUBLISHED,
        title__in=[
            DOCUMENTS["zcfg/zcwj"][0][0],
            DOCUMENTS["gfxwj/gfxwj/gfxwj"][0][0],
            DOCUMENTS["czyjs/czyjs/czyjs"][0][0],
            DOCUMENTS["zfxxgk/ndbg"][0][0],
        ],
    ):
        attachment = Attachment(
            publication=publication,
            name=publication.title,
            content_type="application/pdf",
            size=len(PDF),
        )
        attachment.file.save("demo.pdf", ContentFile(PDF), save=False)
        attachment.save()

    for path, (title, body) in PAGES.items():
        item = _item(path)
        made.append(_publish(_draft(item, _office_for(item), title, {}, body)))

    leaders = _item("jgjj/ldjj")
    office = _office_for(leaders)
    for order, (name, position, duties) in enumerate(LEADERS, start=1):
        publication = Publication(
            item=leaders,
            office=office,
            title=name,
            position=position,
            order=order,
            summary=duties,
            body=_p(duties),
            formed_on=timezone.localdate() - timedelta(days=10),
        )
        publication.photo.save(f"leader-{order}.png", ContentFile(_portrait(order)), save=False)
        publication_save_draft(publication=publication, actor=staff(office, Role.EDITOR))
        made.append(_publish(publication))
    return len(made)


def create_bulk_documents(
    count: int, batch: int = 1000, items: list[CatalogueItem] | None = None
) -> int:
    """`count` published documents spread over the document items, for benchmarks.

    Saved in batches with bulk_create: no workflow events or history rows,
    but every row is a valid published document with its own 索引号.
    """
    from django.conf import settings

    items = items or list(
        CatalogueItem.objects.filter(
            presentation=CatalogueItem.Presentation.DOCUMENTS, children__isnull=True, is_active=True
        )
    )
    author = User.objects.filter(is_superuser=True).first() or User.objects.first()
    offices = {item.pk: _office_for(item) for item in items}
    rng = random.Random(20261128)
    now = timezone.now()
    made = 0
    with transaction.atomic():
        while made < count:
            size = min(batch, count - made)
            rows = []
            for n in range(size):
                item = items[(made + n) % len(items)]
                published_at = now - timedelta(
                    days=rng.randint(1, 5 * 365), minutes=rng.randint(0, 1440)
                )
                rows.append(
                    Publication(
                        item=item,
                        office=offices[item.pk],
                        title=f"{item.name}批量测试信息第{made + n + 1}号",
                        doc_number=f"扎人社发〔{published_at.year}〕{made + n + 1}号",
                        written_on=published_at.date(),
                        formed_on=published_at.date() - timedelta(days=3),
                        budget_year=published_at.year,
                        approved_on=published_at.date(),
                        validity=Publication.Validity.VALID,
                        keywords="批量 测试",
                        summary="用于性能测试的信息。",
                        body=_p("用于性能测试的信息正文。"),
                        status=Status.PUBLISHED,
                        published_at=published_at,
                        created_by=author,
                        approved_by=author,
                        approved_at=now,
                        confidentiality_note=APPROVAL_NOTE,
                    )
                )
            by_year: dict[int, list[Publication]] = defaultdict(list)
            for publication in rows:
                by_year[timezone.localtime(publication.published_at).year].append(publication)
            for year, publications in by_year.items():
                first = IndexNumberSequence.take(year, len(publications))
                for serial, publication in enumerate(publications, start=first):
                    publication.index_number = index_number(settings.CREDIT_CODE, year, serial)
            Publication.objects.bulk_create(rows)
            made += size
    return made
