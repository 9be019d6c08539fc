"""The year filters of an item's list offer exactly the years of its public documents."""

import datetime as dt
import re

from django.utils import timezone

from disclosure.models import Publication
from tests.factories import item_by_path, make_draft, make_published

URL = "/xxgk/gfxwj/gfxwj/gfxwj/"
PATH = "gfxwj/gfxwj/gfxwj"


def rule(people, n: int, *, draft: bool = False, path: str = PATH, **fields):
    fields = {
        "title": f"规范性文件{n}",
        "doc_number": f"扎人社规〔2026〕{n}号",
        "written_on": timezone.localdate(),
        "validity": "valid",
        **fields,
    }
    if draft:
        return make_draft(people.editor, path, **fields)
    return make_published(people, path, **fields)


def offered(page: str, name: str) -> list[int]:
    select = page.split(f'name="{name}"')[1].split("</select>")[0]
    return [int(year) for year in re.findall(r'<option value="(\d{4})"', select)]


def test_only_years_of_public_documents_are_offered_in_beijing_time(client, people):
    zone = timezone.get_current_timezone()
    this_year = timezone.localdate().year
    documents = [rule(people, n) for n in range(4)]
    # 2020-12-31 20:00 UTC is already 2021 in Beijing; 2017 leaves a gap of years.
    documents[0].published_at = dt.datetime(2020, 12, 31, 20, 0, tzinfo=dt.UTC)
    documents[0].written_on = dt.date(2020, 12, 30)
    documents[1].published_at = dt.datetime(2017, 6, 1, 9, 0, tzinfo=zone)
    documents[1].written_on = dt.date(2016, 5, 1)
    # Scheduled for next year: not public yet, so neither its years.
    documents[2].published_at = timezone.now() + dt.timedelta(days=400)
    documents[2].written_on = dt.date(2012, 1, 1)
    documents[3].written_on = timezone.localdate()
    Publication.objects.bulk_update(documents, ["published_at", "written_on"])
    rule(people, 5, draft=True, written_on=dt.date(2010, 1, 1))
    # Another item's documents do not count.
    rule(people, 6, path="zcfg/zcwj", written_on=dt.date(2005, 3, 1))

    page = client.get(URL).content.decode()

    assert offered(page, "year") == [this_year, 2021, 2017]
    assert offered(page, "written_year") == [this_year, 2020, 2016]
    # What the choices were computed from before: every public document's dates.
    public = Publication.objects.public().filter(item=item_by_path(PATH))
    assert offered(page, "year") == sorted(
        {when.year for when in public.datetimes("published_at", "year", tzinfo=zone)}, reverse=True
    )
    assert offered(page, "written_year") == sorted(
        {day.year for day in public.dates("written_on", "year")}, reverse=True
    )


def test_an_item_without_public_documents_offers_no_year(client, people):
    rule(people, 1, draft=True, written_on=dt.date(2010, 1, 1))
    page = client.get(URL).content.decode()
    assert offered(page, "year") == [] and offered(page, "written_year") == []
