"""Setting up a new site: the catalogue loaded once, and an administrator who can log in."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from disclosure.models import CatalogueItem


@dataclass(frozen=True)
class Bootstrapped:
    items_loaded: int  # 0 when the catalogue was there already
    username: str
    password: str


def site_bootstrap(*, username: str, password_file: Path) -> Bootstrapped:
    """Load the seed catalogue into an empty database, and make sure `username` can log in.

    Run again, it keeps the catalogue as edited and the password it saved
    in `password_file`; a password it no longer knows is made anew.
    """
    loaded = 0
    if not CatalogueItem.objects.exists():
        call_command("loaddata", "catalogue", verbosity=0)
        loaded = CatalogueItem.objects.count()
    return Bootstrapped(loaded, username, _administrator(username, password_file))


@transaction.atomic
def _administrator(username: str, password_file: Path) -> str:
    """Reuse the administrator and its saved password; make either anew if missing."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    saved = password_file.read_text().strip() if password_file.exists() else ""
    if user is not None and saved and user.check_password(saved):
        return saved
    password = secrets.token_urlsafe(12)
    if user is None:
        user = User(username=username, is_staff=True, is_superuser=True)
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    password_file.parent.mkdir(parents=True, exist_ok=True)
    password_file.write_text(password + "\n")
    password_file.chmod(0o600)
    return password
