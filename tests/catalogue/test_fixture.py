"""The catalogue fixture holds the whole seed catalogue, row by row.

ROWS (in tests/factories.py) is the published table as it reads on paper (levels, deadline, office);
the content words are checked against the text extracted from the PDF,
which is kept in fixtures/seed/. Items the fixture adds beyond the seed are marked `beyond_seed`
and checked on their own.
"""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from disclosure.models import BUREAU_NAME, CatalogueItem, Channel, Office
from tests.factories import CHANNELS, ROWS, dump, item_by_path, leaves

pytestmark = pytest.mark.django_db

# Slips in the source that the fixture corrects (see the seed's notes).
CORRECTIONS = {"人力资源红和": "人力资源和", "就业援助服务服务": "就业援助服务", "厅本级": "局本级"}
SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "主动公开事项目录.txt"


def seed_text() -> str:
    text = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


def seed_leaves() -> list[CatalogueItem]:
    return [item for item in leaves() if not item.beyond_seed]


def test_every_seed_row_is_in_the_fixture_in_order(catalogue):
    found = [
        (tuple(a.name for a in item.lineage()), item.deadline_text, item.office_display())
        for item in seed_leaves()
    ]
    assert found == ROWS


def test_every_row_has_its_content_words_from_the_seed(catalogue):
    text = seed_text()
    for item in seed_leaves():
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


def test_loading_the_fixture_twice_changes_nothing(catalogue):
    before = dump()
    call_command("loaddata", "catalogue", verbosity=0)
    assert dump() == before


def test_only_the_disclosure_rules_item_is_added_beyond_the_seed(catalogue):
    added = [item for item in leaves() if item.beyond_seed]
    assert [(str(item), item.path()) for item in added] == [
        ("政府信息公开 / 政府信息公开制度", "zfxxgk/gkzd")
    ]
    rules = added[0]
    assert rules.presentation == CatalogueItem.Presentation.PAGE
    assert rules.deadline_text == "信息形成或者变更之日起20个工作日内"
    assert rules.office_display() == "行政办公室"
    assert "国办公开办函〔2019〕61号" in rules.basis
    assert re.sub(r"\s+", "", rules.content) not in seed_text()
    assert [item.name for item in rules.parent.children.order_by("order")] == [
        "公开指南",
        "政府信息公开年报",
        "政府信息公开制度",
    ]


def test_every_item_is_proactive_at_county_level_with_the_plain_bases(catalogue):
    assert set(CatalogueItem.objects.values_list("mode", "levels")) == {("proactive", "county")}
    basis = {item.name: item.basis for item in leaves()}
    regulations = "《中华人民共和国政府信息公开条例》"
    assert basis["政府信息公开年报"] == regulations + "第四十九条、第五十条"
    assert basis["行政规范性文件"] == regulations + "第二十条第（一）项"
    assert basis["财政预算、决算信息"] == regulations + "第二十条第（七）项"
    assert basis["政策解读"] == ""


def test_the_migration_gives_a_loaded_catalogue_what_the_fixture_has(catalogue):
    migration = importlib.import_module("disclosure.migrations.0018_catalogue_standard_fields")
    expected = {item.name: item.basis for item in leaves()}
    CatalogueItem.objects.filter(beyond_seed=True).delete()
    CatalogueItem.objects.filter(name="政府信息公开年报").update(basis="本局自定的依据")
    CatalogueItem.objects.exclude(name="政府信息公开年报").update(basis="")
    migration.fill_standard_fields(apps, None)
    migration.fill_standard_fields(apps, None)
    expected["政府信息公开年报"] = "本局自定的依据"
    assert {item.name: item.basis for item in leaves()} == expected
    rules = item_by_path("zfxxgk/gkzd")
    assert (rules.name, rules.order, rules.beyond_seed, rules.presentation) == (
        "政府信息公开制度",
        3,
        True,
        "page",
    )
    assert rules.office_display() == "行政办公室"
    assert [channel.name for channel in rules.channels.all()] == ["政府网站"]
