"""The site's daily jobs, run by the site itself: no cron needed.

The first request of each day (see portal/middleware.py DailyJobsMiddleware)
runs every job that has not yet run that day, before its own page, so every
page and report of the day sees their result. Each job's ScheduledRun row is
locked while it runs: with several servers or processes, one runs the job and
the others find it done. `manage.py run_daily_jobs` does the same from cron,
for a site that may go a day without requests; running it is never required.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from disclosure.models import ScheduledRun
from disclosure.services.applications import close_lapsed_applications

logger = logging.getLogger(__name__)


def _clear_expired_sessions(today: dt.date) -> None:
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


# Name -> job, in the order they run. Each is quick, and safe to run twice.
DAILY_JOBS: dict[str, Callable[[dt.date], object]] = {
    # Applications whose correction period or fee deadline passed: 其他处理.
    "close_lapsed_applications": close_lapsed_applications,
    # Expired staff sessions (citizens get none).
    "clear_expired_sessions": _clear_expired_sessions,
}


def daily_jobs_due(*, on: dt.date | None = None) -> bool:
    """Whether some daily job has not run on that day (today): one query."""
    today = on or timezone.localdate()
    done = ScheduledRun.objects.filter(name__in=DAILY_JOBS, last_run_on__gte=today).count()
    return done < len(DAILY_JOBS)


def daily_jobs_run(*, on: dt.date | None = None) -> list[str]:
    """Run each daily job not yet run that day, here or on another server; the names run here.

    A job that fails is logged and left for the next try; the others still run.
    """
    today = on or timezone.localdate()
    ScheduledRun.objects.bulk_create(
        [ScheduledRun(name=name) for name in DAILY_JOBS], ignore_conflicts=True
    )
    ran = []
    for name, job in DAILY_JOBS.items():
        try:
            with transaction.atomic():
                row = ScheduledRun.objects.select_for_update().get(name=name)
                if row.last_run_on is not None and row.last_run_on >= today:
                    continue
                job(today)
                row.last_run_on = today
                row.finished_at = timezone.now()
                row.save(update_fields=["last_run_on", "finished_at"])
        except Exception:
            logger.exception("The daily job %s failed", name)
            continue
        ran.append(name)
    return ran
