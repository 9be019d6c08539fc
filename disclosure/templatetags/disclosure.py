from django import template
from django.utils import timezone

from disclosure.lib.fees import yuan as _yuan
from disclosure.lib.html import safe_body as _safe_body
from disclosure.lib.names import person_name
from disclosure.selectors.content import kept_text
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


class KeptNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        parts = [str(value.resolve(context)) for value in (self.name, *self.values)]
        return kept_text("fragment:" + ":".join(parts), lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """`{% kept "name" value … %}…{% endkept %}`: the part rendered once per content version
    and per values given (`selectors.content.kept_text`).

    Only for a part that shows nothing but public content and what the values
    say; a part that differs by visitor (a form, a message) stays outside.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% kept %} needs a name: {% kept "name" … %}')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    return KeptNode(nodelist, parser.compile_filter(bits[1]), values)
