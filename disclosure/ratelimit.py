"""Per-client limits on what citizens submit, counted in the database.

A client is known by a keyed hash of its address, never the address itself;
counting rows keeps the limit the same across every app server.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ClientAttempt

KEEP = timedelta(days=1)


def client_key(request) -> str:
    address = request.META.get(settings.CLIENT_ADDRESS_HEADER, "") or request.META.get(
        "REMOTE_ADDR", ""
    )
    # A proxy's header may list several addresses; the first is the client's.
    address = address.split(",")[0].strip()
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def allowed(kind: str, client: str) -> bool:
    """Whether the client is still under the limit for `kind` (see settings.RATE_LIMITS)."""
    limit, seconds = settings.RATE_LIMITS[kind]
    since = timezone.now() - timedelta(seconds=seconds)
    return ClientAttempt.objects.filter(kind=kind, client=client, at__gte=since).count() < limit


def record(kind: str, client: str) -> None:
    ClientAttempt.objects.filter(kind=kind, at__lt=timezone.now() - KEEP).delete()
    ClientAttempt.objects.create(kind=kind, client=client)
