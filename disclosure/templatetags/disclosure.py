from django import template

from ..html import safe_body as _safe_body

register = template.Library()


@register.filter
def safe_body(html: str):
    """A document body, sanitized again as it is shown."""
    return _safe_body(html)
