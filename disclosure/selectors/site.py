"""The site's profile as public pages read it: from the cache under the content version."""

from __future__ import annotations

from django.core.cache import cache

from disclosure.models import SiteProfile
from disclosure.selectors.content import current_content

PROFILE_SECONDS = 24 * 60 * 60


def site_profile() -> SiteProfile:
    """`SiteProfile.load()`, kept under the content version (read once a request)."""
    key = f"disclosure:site-profile:{current_content().number}"
    profile = cache.get(key)
    if profile is None:
        profile = SiteProfile.load()
        cache.set(key, profile, PROFILE_SECONDS)
    return profile
