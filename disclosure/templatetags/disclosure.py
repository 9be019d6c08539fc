from django import template
from django.utils import timezone

from disclosure.lib.fees import yuan as _yuan
from disclosure.lib.html import safe_body as _safe_body
from disclosure.lib.names import person_name
from disclosure.selectors.queue import staff_queue as queue

register = template.Library()


@register.filter
def safe_body(html: str, images=None):
    """A document body, sanitized again as it is shown; given `images`, only those images, at their addresses."""
    return _safe_body(html, images)


@register.filter
def person(user) -> str:
    """A member of staff by name, family name first (王芳), or by user name."""
    return person_name(user)


@register.filter
def yuan(amount) -> str:
    """An amount of money: "1100元", "50.50元"."""
    return _yuan(amount)


@register.simple_tag(takes_context=True)
def staff_queue(context):
    """What waits for the logged-in member of staff (see `selectors.queue.staff_queue`)."""
    return queue(context["request"].user)


@register.filter
def iso_datetime(value) -> str:
    """For <time datetime>: ISO 8601 in Beijing time, whole seconds (HTML allows no microseconds)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
