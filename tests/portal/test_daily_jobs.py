"""The daily jobs run themselves on the first request of each day: no cron needed."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from disclosure.models import InformationRequest, ScheduledRun
from disclosure.services.applications import application_ask_correction
from disclosure.services.schedule import DAILY_JOBS, daily_jobs_due, daily_jobs_run
from tests.citizens import on, received

pytestmark = pytest.mark.django_db

Status = InformationRequest.Status


def waiting_for_correction(people, until: str) -> InformationRequest:
    """An application received on 2026-11-02 that waits for a correction until `until`."""
    application = received("2026-11-02", people.editor)
    with on("2026-11-03"):
        return application_ask_correction(
            application=application,
            actor=people.editor,
            note="请提供文号。",
            deadline=dt.date.fromisoformat(until),
        )


def status(application) -> str:
    application.refresh_from_db()
    return application.status


def test_each_job_runs_once_a_day(people):
    application = waiting_for_correction(people, "2026-11-13")
    with on("2026-11-13"):
        assert daily_jobs_due()
        assert daily_jobs_run() == list(DAILY_JOBS)
        assert not daily_jobs_due()
        assert daily_jobs_run() == []
    assert status(application) == Status.CORRECTION  # the last day is still in time
    with on("2026-11-14"):
        assert daily_jobs_due()
        assert daily_jobs_run() == list(DAILY_JOBS)
    assert status(application) == Status.CLOSED
    runs = {row.name: row.last_run_on for row in ScheduledRun.objects.all()}
    assert runs == dict.fromkeys(DAILY_JOBS, dt.date(2026, 11, 14))


def test_the_first_request_of_the_day_closes_lapsed_applications_before_its_page(settings, people):
    settings.DAILY_JOBS_ON_REQUEST = True
    application = waiting_for_correction(people, "2026-11-13")
    citizen = Client()
    with on("2026-11-14"):
        assert citizen.get("/ysqgk/").status_code == 200
        assert status(application) == Status.CLOSED
        # The process remembers: later requests that day ask nothing about the jobs.
        with CaptureQueriesContext(connection) as queries:
            citizen.get("/")
        assert not any("scheduledrun" in query["sql"] for query in queries)


def test_two_servers_run_a_job_once_the_same_day(settings, people):
    settings.DAILY_JOBS_ON_REQUEST = True
    first, later = (
        waiting_for_correction(people, "2026-11-13"),
        waiting_for_correction(people, "2026-11-13"),
    )
    InformationRequest.objects.filter(pk=later.pk).update(correction_deadline=dt.date(2026, 11, 20))
    with on("2026-11-14"):
        Client().get("/")  # one server (its own middleware, its own memory)
    assert status(first) == Status.CLOSED
    # The other application lapses the same day, after the jobs ran: a second
    # server's first request finds the day's run done and does not run it again.
    InformationRequest.objects.filter(pk=later.pk).update(correction_deadline=dt.date(2026, 11, 13))
    with on("2026-11-14"):
        Client().get("/")
    assert status(later) == Status.CORRECTION
    with on("2026-11-15"):
        Client().get("/")
    assert status(later) == Status.CLOSED


def test_off_the_jobs_wait_for_the_command(settings, people):
    settings.DAILY_JOBS_ON_REQUEST = False
    application = waiting_for_correction(people, "2026-11-13")
    with on("2026-11-14"):
        Client().get("/")
        assert status(application) == Status.CORRECTION
        out = StringIO()
        call_command("run_daily_jobs", stdout=out)
        assert status(application) == Status.CLOSED
        assert "close_lapsed_applications\t已运行" in out.getvalue()
        out = StringIO()
        call_command("run_daily_jobs", stdout=out)
        assert "close_lapsed_applications\t今天已运行过" in out.getvalue()
