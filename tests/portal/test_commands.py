"""The bootstrap and seed_demo commands: a working login, and staff edits kept."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from disclosure.models import CatalogueItem, Office, SiteProfile

pytestmark = pytest.mark.django_db


def run(*args, **options) -> str:
    """What the command printed, standard output then standard error."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


def login_of(output: str) -> tuple[str, str]:
    match = re.search(r"管理员账号：(\S+)　密码：(\S+)", output)
    assert match, output
    return match.group(1), match.group(2)


def test_bootstrap_loads_the_catalogue_and_prints_a_working_login(tmp_path):
    output = run("bootstrap", password_file=str(tmp_path / "pw.txt"))
    assert CatalogueItem.objects.count() == 27  # the seed's 26 items and 政府信息公开制度
    username, password = login_of(output)
    user = User.objects.get(username=username)
    assert user.is_superuser and user.check_password(password)


def test_bootstrap_twice_keeps_the_catalogue_edits_and_the_password(tmp_path):
    first = login_of(run("bootstrap", password_file=str(tmp_path / "pw.txt")))
    CatalogueItem.objects.filter(name="政策解读").update(deadline_text="改过的时限")
    second = login_of(run("bootstrap", password_file=str(tmp_path / "pw.txt")))
    assert first == second
    assert CatalogueItem.objects.get(name="政策解读").deadline_text == "改过的时限"
    assert User.objects.count() == 1


def test_bootstrap_resets_a_password_it_no_longer_knows(tmp_path):
    run("bootstrap", password_file=str(tmp_path / "pw.txt"))
    (tmp_path / "pw.txt").unlink()
    username, password = login_of(run("bootstrap", password_file=str(tmp_path / "pw.txt")))
    assert User.objects.get(username=username).check_password(password)


def test_seed_demo_fills_blanks_once_and_keeps_what_staff_wrote(catalogue, tmp_path):
    accounts = str(tmp_path / "accounts.json")
    run("seed_demo", accounts_file=accounts)
    assert SiteProfile.load().office_hours
    Office.objects.filter(name="行政办公室").update(phone="0470-7654321")
    assert "填写了0个空白字段，新建了0条信息" in run("seed_demo", accounts_file=accounts)
    assert Office.objects.get(name="行政办公室").phone == "0470-7654321"


def test_seed_demo_refuses_a_negative_number_of_documents(tmp_path):
    with pytest.raises(CommandError, match="--documents 不能是负数。"):
        run("seed_demo", documents=-1, accounts_file=str(tmp_path / "accounts.json"))


def test_seed_demo_gives_a_full_annual_report(catalogue, tmp_path):
    from django.utils import timezone

    from demo.reports import report_year
    from disclosure.selectors.annual_report import annual_figures

    run("seed_demo", accounts_file=str(tmp_path / "accounts.json"))
    figures = annual_figures(report_year(timezone.localdate()))
    assert figures.check.ok, figures.check.message()
    carried_in = figures.table3.row("二、上年结转政府信息公开申请数量").values[-1]
    lapsed_fee = figures.table3.row(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    ).values[-1]
    assert (carried_in, lapsed_fee) == (3, 1)
    table4 = figures.table4
    assert (table4.review.upheld, table4.review.corrected) == (1, 1)
    assert (table4.direct_suit.other, table4.suit_after_review.pending) == (1, 1)
    assert figures.table2.licences == 14 and figures.fees_collected == 1100
