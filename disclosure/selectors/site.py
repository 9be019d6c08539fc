"""The site's profile as public pages read it: from the cache under the content version."""

from __future__ import annotations

from disclosure.models import SiteProfile
from disclosure.selectors.content import kept


def site_profile() -> SiteProfile:
    """`SiteProfile.load()`, kept under the content version (read once a request)."""
    return kept("site-profile", SiteProfile.load)
