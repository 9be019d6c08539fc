"""Requests that arrive at the same moment: limits hold, and a form sent twice records once.

Each test starts its requests together from several threads, each with its
own database connection, as gunicorn's workers would.
"""

import threading
import uuid

import pytest
from django.db import connection

from disclosure.models import ClientAttempt, InformationRequest
from disclosure.services.applications import application_submit
from disclosure.services.ratelimit import take
from tests.citizens import application_data

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8


def all_at_once(work, count: int = THREADS) -> list:
    """Run `work` in `count` threads released together; its results, or the exceptions raised."""
    start = threading.Barrier(count)
    results = []

    def run():
        try:
            start.wait()
            results.append(work())
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_simultaneous_attempts_never_exceed_the_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": (5, 3600)}
    results = all_at_once(lambda: take("comment", "client-a"))
    assert [r for r in results if isinstance(r, Exception)] == []
    assert results.count(True) == 5
    assert results.count(False) == THREADS - 5
    assert ClientAttempt.objects.filter(kind="comment", client="client-a").count() == 5


def test_the_same_application_sent_twice_at_once_is_recorded_once(catalogue):
    token = uuid.uuid4()
    data = application_data()
    results = all_at_once(lambda: application_submit(data=dict(data), client="c", token=token), 2)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert InformationRequest.objects.count() == 1
    (first_number, first_code), (second_number, second_code) = (
        (application.number, code) for application, code in results
    )
    assert first_number == second_number
    assert first_code == second_code != ""
