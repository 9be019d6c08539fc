"""Limits on wrong passwords at the admin login (django-axes, with three counts).

Axes counts failures per (user name, address). Two more counts stop the
attacks that one count misses:

- per address, across user names: someone trying many accounts from one
  machine (AXES_ADDRESS_FAILURE_LIMIT);
- per user name, across addresses: someone trying one account from many
  machines (AXES_USERNAME_FAILURE_LIMIT). An address from which that user
  has logged in before is spared this count, so a stranger cannot lock the
  real user out at their own desk.

A lock is short (AXES_COOLOFF_MINUTES) and doubles with each lock of the
same address or user name in the last day, up to AXES_COOLOFF_MAX_MINUTES.
The lockout page says how long the lock lasts.
"""

from __future__ import annotations

import math
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db.models import Max, Q, Sum
from django.shortcuts import render
from django.utils import timezone

REMEMBERED_LOGINS = timedelta(days=90)
LOCKS_REMEMBERED = timedelta(days=1)


def _now(request):
    return getattr(request, "axes_attempt_time", None) or timezone.now()


def _who(request, credentials=None) -> tuple[str | None, str | None]:
    return get_client_username(request, credentials), getattr(request, "axes_ip_address", None)


def cool_off(request=None) -> timedelta:
    """How long a lock lasts: doubled for every earlier lock of this address or user name today."""
    base = timedelta(minutes=settings.AXES_COOLOFF_MINUTES)
    if request is None:
        return base
    username, address = _who(request)
    locks = AccessFailureLog.objects.filter(
        Q(ip_address=address) | Q(username=username),
        locked_out=True,
        attempt_time__gte=_now(request) - LOCKS_REMEMBERED,
    ).count()
    longest = timedelta(minutes=settings.AXES_COOLOFF_MAX_MINUTES)
    return min(base * 2 ** max(locks - 1, 0), longest)


class LoginLimitsHandler(AxesDatabaseHandler):
    """Axes' database handler, with a limit of its own for each of the three counts."""

    def get_failures(self, request, credentials=None) -> int:
        username, address = _who(request, credentials)
        since = _now(request) - cool_off(request)
        recent = AccessAttempt.objects.filter(attempt_time__gte=since)

        def failures(**match) -> int:
            total = recent.filter(**match).aggregate(n=Sum("failures_since_start"))["n"]
            return total or 0

        pair = failures(username=username, ip_address=address)
        over = failures(ip_address=address) >= settings.AXES_ADDRESS_FAILURE_LIMIT
        if username and not self._known_address(username, address):
            over |= failures(username=username) >= settings.AXES_USERNAME_FAILURE_LIMIT
        return max(pair, settings.AXES_FAILURE_LIMIT) if over else pair

    @staticmethod
    def _known_address(username: str, address: str | None) -> bool:
        return AccessLog.objects.filter(
            username=username,
            ip_address=address,
            attempt_time__gte=timezone.now() - REMEMBERED_LOGINS,
        ).exists()


def lockout_response(request, original_response=None, credentials=None):
    """The Chinese lockout page, with the minutes left and a Retry-After header."""
    username, address = _who(request, credentials)
    last = AccessAttempt.objects.filter(Q(ip_address=address) | Q(username=username)).aggregate(
        last=Max("attempt_time")
    )["last"]
    ends = (last or _now(request)) + cool_off(request)
    seconds = max((ends - timezone.now()).total_seconds(), 60)
    response = render(
        request,
        "axes_lockout.html",
        {"minutes": math.ceil(seconds / 60), "until": timezone.localtime(ends)},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(seconds))
    return response
