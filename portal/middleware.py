import datetime as dt
import logging
import threading

from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from disclosure.services.schedule import daily_jobs_due, daily_jobs_run

logger = logging.getLogger(__name__)

# After a failed try (the database unreachable, say), the next is this much later.
DAILY_JOBS_RETRY = dt.timedelta(minutes=10)


class AdminStyleMiddleware:
    """Let the admin's own widgets set inline styles; scripts stay as strict as anywhere.

    Django's admin and the rich-text editor set `style` attributes from their
    scripts. Public pages keep `style-src 'self'`.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        response = self.get_response(request)
        # path_info: the path without the prefix the site may be served under.
        if request.path_info.startswith(self.prefix):
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
        return response


class VaryOnCookieMiddleware:
    """Every page shows 长者模式 or not, as its cookie says: caches keep a copy per cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("Cookie",))
        return response


class RejectNullCharactersMiddleware:
    """A query string with a NUL character is a 400: no database stores one, no page needs one.

    (Form fields refuse NUL characters themselves, with a message in Chinese.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)


def _pairs(query):
    for key, values in query.lists():
        for value in values:
            yield key, value


class DailyJobsMiddleware:
    """The first request of each day runs the daily jobs before its page (see disclosure/services/schedule.py).

    Each process remembers when it found the jobs done, so other requests
    cost nothing; the database row of each job decides, across processes and
    servers, who runs it. DAILY_JOBS_ON_REQUEST=0 leaves the jobs to
    `manage.py run_daily_jobs`.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.next_check: dt.datetime | None = None
        self.lock = threading.Lock()

    def __call__(self, request):
        # The health check only reports: it answers for the database itself.
        if settings.DAILY_JOBS_ON_REQUEST and request.path_info != "/healthz":
            self.run_if_due()
        return self.get_response(request)

    def run_if_due(self) -> None:
        now = timezone.now()
        if self.next_check is not None and now < self.next_check:
            return
        # One thread of the process checks; the others wait for it, then find the jobs done.
        with self.lock:
            if self.next_check is not None and now < self.next_check:
                return
            try:
                if daily_jobs_due():
                    daily_jobs_run()
                if daily_jobs_due():
                    # A job failed (and was logged): try again a little later.
                    self.next_check = now + DAILY_JOBS_RETRY
                    return
                tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
                self.next_check = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time()))
            except (OperationalError, InterfaceError):
                # The database is unreachable: the page would fail the same way,
                # so it fails now (a 503) rather than wait for the database twice.
                self.next_check = now + DAILY_JOBS_RETRY
                raise
            except Exception:
                logger.exception("The daily jobs could not be run")
                self.next_check = now + DAILY_JOBS_RETRY
