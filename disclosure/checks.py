import datetime as dt

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError
from django.utils import timezone

from disclosure.lib.workdays import PACKAGE_YEARS
from disclosure.models import STATUTORY_HOLIDAYS, HolidaySchedule, Publication, SiteProfile

DEFAULT_CREDIT_CODE = "000000000000000000"


@register(deploy=True)
def credit_code_is_set(app_configs, **kwargs):
    """Every 索引号 begins with the bureau's 统一社会信用代码, so it must be the real one."""
    if settings.CREDIT_CODE == DEFAULT_CREDIT_CODE or len(settings.CREDIT_CODE) != 18:
        return [
            Warning(
                "CREDIT_CODE is not the bureau's 18-character 统一社会信用代码.",
                hint="Set the CREDIT_CODE environment variable; it begins every document's 索引号.",
                id="disclosure.W001",
            )
        ]
    return []


@register()
def next_years_holidays_are_entered(app_configs, today: dt.date | None = None, **kwargs):
    """From 1 November, next year's holiday schedule should be in the calendar, every holiday of it.

    The State Council publishes the notice in late October or November; until
    an administrator enters it (or chinesecalendar knows the year), deadlines
    in that year count Monday to Friday as working days. A database that is
    not migrated yet has no calendar to look at: no warning then.
    """
    today = today or timezone.localdate()
    year = today.year + 1
    if today.month < 11 or year in PACKAGE_YEARS:
        return []
    try:
        schedule = HolidaySchedule.objects.filter(year=year).first()
        missing = STATUTORY_HOLIDAYS if schedule is None else schedule.missing_holidays()
    except DatabaseError:
        return []
    if not missing:
        return []
    if schedule is None:
        message = f"The holiday schedule for {year} has not been entered."
    else:
        message = f"The holiday schedule for {year} lacks: {'、'.join(missing)}."
    return [
        Warning(
            message,
            hint="Enter the State Council's notice under 节假日安排 in the admin, every holiday "
            "of it; until then deadlines in that year count Monday to Friday as working days.",
            id="disclosure.W002",
        )
    ]


@register()
def published_documents_are_in_the_search_index(app_configs, **kwargs):
    """Every published document has its search entry; after an upgrade or a restore it may not."""
    try:
        missing = Publication.objects.filter(
            status=Publication.Status.PUBLISHED, revision_of=None, search_entry__isnull=True
        ).count()
    except DatabaseError:
        return []
    if not missing:
        return []
    return [
        Warning(
            f"{missing} published documents are not in the site search index.",
            hint="Run `manage.py rebuild_search_index`; until then search does not find them.",
            id="disclosure.W003",
        )
    ]


IDENTITY_FIELDS = {
    "domain": "the site's domain (the SiteDomain meta tag)",
    "website_code": "the government website code (the SiteIDCode meta tag and the error report link)",
    "conac_url": "the registration link of the Party and government website mark",
    "icp_record": "the ICP record number",
    "police_record": "the public security record number",
    "portal_url": "the county government portal's address",
    "hotline_url": "the 12345 platform's address",
    "services_url": "the government services website's address",
}


@register(deploy=True)
def site_identity_is_complete(app_configs, **kwargs):
    """The national indicators ask for the site's identity on every page; each part missing costs points.

    A database that is not migrated yet has no profile to look at: no warning then.
    """
    try:
        profile = SiteProfile.load()
    except DatabaseError:
        return []
    return [
        Warning(
            f"The site profile lacks {label}.",
            hint="Fill it in under 网站信息 in the admin; the pages show it once it is set.",
            id="disclosure.W004",
        )
        for field, label in IDENTITY_FIELDS.items()
        if not getattr(profile, field)
    ]
