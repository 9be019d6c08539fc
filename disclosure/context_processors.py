from urllib.parse import urlencode

from django.urls import reverse

from disclosure.lib import display, legal
from disclosure.selectors.site import site_profile as cached_profile


def site_profile(request):
    return {"site_profile": cached_profile()}


def legal_numbers(request):
    return {"legal": legal.as_dict()}


def display_mode(request):
    """长者模式 from its cookie, the link that switches it, and a document's 字号."""
    elder = display.is_elder(request.COOKIES.get(display.MODE_COOKIE))
    query = urlencode(
        {"mode": display.STANDARD if elder else display.ELDER, "next": request.get_full_path()}
    )
    return {
        "elder_mode": elder,
        "mode_switch_url": f"{reverse('disclosure:display_mode')}?{query}",
        "text_size": display.text_size(request.GET.get("size")),
        "text_sizes": display.TEXT_SIZES,
    }
