"""The catalogue fixture holds the whole seed catalogue, row by row.

ROWS is the published table as it reads on paper (levels, deadline, office);
the content words are checked against the text extracted from the PDF,
which is kept in fixtures/seed/.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import serializers
from django.core.management import call_command

from disclosure.models import BUREAU_NAME, CatalogueItem, Channel, Office
from disclosure.selectors.catalogue import build_tree

pytestmark = pytest.mark.django_db

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
# Slips in the source that the fixture corrects (see the seed's notes).
CORRECTIONS = {"人力资源红和": "人力资源和", "就业援助服务服务": "就业援助服务", "厅本级": "局本级"}
SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "主动公开事项目录.txt"


def seed_text() -> str:
    text = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


def leaves() -> list[CatalogueItem]:
    items = CatalogueItem.objects.in_tree_order().prefetch_related("channels", "offices")
    return [leaf.item for root in build_tree(items) for leaf in root.leaves()]


def test_every_seed_row_is_in_the_fixture_in_order(catalogue):
    found = [
        (tuple(a.name for a in item.lineage()), item.deadline_text, item.office_display())
        for item in leaves()
    ]
    assert found == ROWS


def test_every_row_has_its_content_words_from_the_seed(catalogue):
    text = seed_text()
    for item in leaves():
        assert item.content, item
        assert re.sub(r"\s+", "", item.content) in text, item


def test_every_row_has_publisher_website_channel_and_public_audience(catalogue):
    for item in leaves():
        assert item.publisher == BUREAU_NAME
        assert [channel.name for channel in item.channels.all()] == ["政府网站"]
        assert item.audience == CatalogueItem.Audience.PUBLIC


def test_the_fixture_holds_the_channels_and_offices(catalogue):
    assert list(Channel.objects.values_list("name", flat=True)) == CHANNELS
    assert dict(Office.objects.values_list("name", "kind")) == {
        "行政办公室": "section",
        "财务规划办公室": "section",
        "就业服务中心": "unit",
        "社会保险服务中心": "unit",
    }


def test_offices_behind_the_words_match_the_rows(catalogue):
    scopes = {item.name: (item.office_scope, item) for item in leaves()}
    assert scopes["政策文件"][0] == CatalogueItem.OfficeScope.ALL
    scope, budget = scopes["财政预算、决算信息"]
    assert scope == CatalogueItem.OfficeScope.LISTED_AND_UNITS
    assert [office.name for office in budget.offices.all()] == ["财务规划办公室"]


def test_presentation_follows_the_seed_notes(catalogue):
    kinds = {item.name: item.presentation for item in leaves()}
    presentation = CatalogueItem.Presentation
    assert kinds["基本信息"] == kinds["机关职能"] == kinds["公开指南"] == presentation.PAGE
    assert kinds["领导简介"] == presentation.LEADERS
    assert kinds["内设机构"] == presentation.SECTIONS
    assert kinds["所属单位"] == presentation.UNITS
    assert kinds["政策文件"] == kinds["政府信息公开年报"] == presentation.DOCUMENTS


def dump() -> str:
    out = io.StringIO()
    objects = [*Channel.objects.all(), *Office.objects.all(), *CatalogueItem.objects.all()]
    serializers.serialize("json", objects, stream=out)
    return out.getvalue()


def test_loading_the_fixture_twice_changes_nothing(catalogue):
    before = dump()
    call_command("loaddata", "catalogue", verbosity=0)
    assert dump() == before
