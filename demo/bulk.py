"""Many published documents at once, for benchmarks (`seed_demo --documents N`,
`bench/publications.py`)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from demo.staff import APPROVAL_NOTE, office_for
from demo.texts import paragraphs
from disclosure.lib.codes import index_number
from disclosure.models import CatalogueItem, IndexNumberSequence, Publication
from disclosure.services.search import index_many

TOPICS = [
    ("做好高校毕业生就业创业工作", "就业 高校毕业生"),
    ("开展春风行动专场招聘会", "就业 招聘会"),
    ("发放一次性吸纳就业补贴", "就业补贴 企业"),
    ("调整城乡居民基本养老保险基础养老金标准", "养老保险 待遇"),
    ("做好失业保险稳岗返还工作", "失业保险 稳岗"),
    ("开展根治欠薪专项行动", "欠薪 农民工工资"),
    ("规范劳务派遣用工", "劳动关系 劳务派遣"),
    ("组织职业技能等级认定", "技能 培训"),
    ("公开招聘事业单位工作人员", "招聘 事业单位"),
    ("做好工伤认定和劳动能力鉴定工作", "工伤 鉴定"),
    ("推进社会保障卡居民服务一卡通", "社会保障卡"),
    ("开展劳动保障监察执法检查", "劳动保障监察"),
]
SENTENCES = [
    "各苏木乡镇办事处人力资源和社会保障所，局属各单位，各有关企业：",
    "为贯彻落实国家和自治区关于稳就业保民生的决策部署，结合我市实际，现就有关事项通知如下。",
    "各单位要主动对接辖区企业，归集适合高校毕业生的岗位信息，通过招聘会、网络招聘等方式及时发布。",
    "对吸纳离校未就业高校毕业生的企业，按规定落实一次性吸纳就业补贴和社会保险补贴。",
    "符合条件的企业和个人可到市政务服务中心人社窗口申请，也可通过内蒙古政务服务网办理。",
    "城乡居民基本养老保险基础养老金按月足额发放，不得截留、挤占、挪用。",
    "失业保险金的发放标准按照自治区人民政府公布的最低工资标准的百分之九十执行。",
    "用人单位应当依法与劳动者订立书面劳动合同，按时足额支付劳动报酬，依法缴纳社会保险费。",
    "工程建设领域施工总承包单位应当按规定开设农民工工资专用账户，实行农民工工资代发制度。",
    "劳动者认为用人单位侵害其劳动保障权益的，可以向劳动保障监察机构投诉举报，举报电话12345。",
    "职业技能培训补贴按照培训合格人数和取得证书等级分档给予补贴，资金从就业补助资金中列支。",
    "各单位要严格执行公开招聘制度，坚持德才兼备的用人标准，贯彻公开、平等、竞争、择优的原则。",
    "报名人员须对所提交材料的真实性负责，凡弄虚作假的，一经查实，即取消考试或聘用资格。",
    "工伤认定申请应当自事故伤害发生之日起30日内提出，遇有特殊情况经报告可以适当延长。",
    "社会保障卡是持卡人享有社会保障和公共就业服务权益的电子凭证，具有信息记录、信息查询、业务办理等功能。",
    "各单位要加强组织领导，明确责任分工，确保各项政策措施落地见效。",
    "请各单位于每月5日前将上月工作进展情况报送市人力资源和社会保障局就业股。",
    "本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准。",
    "联系电话：0470-3212345，联系人：王晓梅。",
    "附件：1.岗位信息表 2.补贴申请表 3.承诺书",
    "2026年全市城镇新增就业2180人，城镇调查失业率控制在5.5%以内，零就业家庭动态清零。",
    "全市参加城镇职工基本养老保险人数达到4.6万人，城乡居民基本养老保险参保人数达到12.3万人。",
    "专项行动重点检查工程建设领域和劳动密集型加工制造、餐饮服务等行业。",
    "对拒不支付劳动报酬涉嫌犯罪的，依法移送公安机关处理，并按规定纳入失信联合惩戒名单。",
]
PLACES = [
    "高台子街道",
    "兴华街道",
    "正阳街道",
    "河西街道",
    "向正街道",
    "铁东街道",
    "卧牛河镇",
    "成吉思汗镇",
    "大河湾镇",
    "浩饶山镇",
    "柴河镇",
    "中和镇",
    "哈多河镇",
    "洼堤乡",
    "蘑菇气镇",
    "关门山乡",
    "萨马街鄂温克民族乡",
    "达斡尔民族乡",
]
# Words that stand in very few documents, for measuring a search that finds little.
RARE = ["秀水山庄", "吊桥公园", "雅鲁河畔", "鄂伦春旗界", "金龙山景区"]


def bulk_text(rng: random.Random, number: int, year: int) -> dict:
    """A document's title, 文号, keywords and a body of a few hundred to several thousand characters."""
    topic, keywords = rng.choice(TOPICS)
    kind = rng.choice(["发", "发", "规", "办字"])
    size = int(min(6000, max(200, rng.lognormvariate(6.7, 0.7))))
    sentences, length = [], 0
    while length < size:
        sentence = rng.choice(SENTENCES)
        if rng.random() < 0.2:
            sentence = f"{rng.choice(PLACES)}：{sentence}"
        if rng.random() < 0.0002:
            sentence += f"活动地点设在{rng.choice(RARE)}。"
        sentences.append(sentence)
        length += len(sentence)
    return {
        "title": f"扎兰屯市人力资源和社会保障局关于{topic}的通知（第{number}号）",
        "doc_number": f"扎人社{kind}〔{year}〕{number}号",
        "keywords": keywords,
        "summary": sentences[1] if len(sentences) > 1 else sentences[0],
        "body": paragraphs(*sentences),
    }


def create_bulk_documents(
    count: int, batch: int = 1000, items: list[CatalogueItem] | None = None
) -> int:
    """`count` published documents spread over the document items, for benchmarks.

    Saved in batches with bulk_create: no workflow events or history rows,
    but every row is a valid published document with its own 索引号, taken
    from the same yearly sequence as the workflow's (one update per year per
    batch), with realistic Chinese text, and in the search index.
    """
    items = items or list(
        CatalogueItem.objects.filter(
            presentation=CatalogueItem.Presentation.DOCUMENTS,
            children__isnull=True,
            is_active=True,
            # A 解读 names its policy: the bulk documents are plain ones.
            explains_policies=False,
        )
    )
    author = User.objects.filter(is_superuser=True).first() or User.objects.first()
    offices = {item.pk: office_for(item) for item in items}
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
                        **bulk_text(rng, made + n + 1, published_at.year),
                        written_on=published_at.date(),
                        formed_on=published_at.date() - timedelta(days=3),
                        budget_year=published_at.year,
                        approved_on=published_at.date(),
                        validity=Publication.Validity.VALID,
                        status=Publication.Status.PUBLISHED,
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
            index_many(rows)
            made += size
    return made
