"""Per-client limits on what citizens submit, counted in the database.

A client is known by a keyed hash of its address, never the address itself;
counting rows keeps the limit the same across every app server. Checking
the count and recording the attempt happen under a lock on the client's
row, so simultaneous requests cannot all slip under the limit together.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from disclosure.models import ClientAttempt, ClientLock

KEEP = timedelta(days=1)


def client_key(request) -> str:
    address = request.META.get(settings.CLIENT_ADDRESS_HEADER, "") or request.META.get(
        "REMOTE_ADDR", ""
    )
    # A proxy's header may list several addresses; the first is the client's.
    address = address.split(",")[0].strip()
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def take(kind: str, client: str) -> bool:
    """Count one attempt of `kind` against the client's limit (settings.RATE_LIMITS).

    False, with nothing counted, when the client has reached the limit.
    """
    limit, seconds = settings.RATE_LIMITS[kind]
    now = timezone.now()
    with transaction.atomic():
        ClientLock.objects.get_or_create(kind=kind, client=client)
        ClientLock.objects.select_for_update().filter(kind=kind, client=client).update(at=now)
        recent = ClientAttempt.objects.filter(
            kind=kind, client=client, at__gte=now - timedelta(seconds=seconds)
        )
        if recent.count() >= limit:
            return False
        ClientAttempt.objects.create(kind=kind, client=client)
    _forget_old(now)
    return True


def retry_after(kind: str, client: str) -> int:
    """Seconds until the client's oldest attempt in the window stops counting (at least 1)."""
    _limit, seconds = settings.RATE_LIMITS[kind]
    now = timezone.now()
    oldest = (
        ClientAttempt.objects.filter(
            kind=kind, client=client, at__gte=now - timedelta(seconds=seconds)
        )
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )
    if oldest is None:
        return 1
    return max(1, math.ceil((oldest + timedelta(seconds=seconds) - now).total_seconds()))


def give_back(kind: str, client: str) -> None:
    """Uncount the client's latest attempt: it turned out not to count (a successful lookup)."""
    latest = ClientAttempt.objects.filter(kind=kind, client=client).order_by("-at", "-id").first()
    if latest is not None:
        latest.delete()


def _forget_old(now) -> None:
    ClientAttempt.objects.filter(at__lt=now - KEEP).delete()
    ClientLock.objects.filter(at__lt=now - KEEP).delete()
