from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils.cache import patch_vary_headers


class AdminStyleMiddleware:
    """Let the admin's own widgets set inline styles; scripts stay as strict as anywhere.

    Django's admin and the rich-text editor set `style` attributes from their
    scripts. Public pages keep `style-src 'self'`.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        response = self.get_response(request)
        # path_info: the path without the prefix the site may be served under.
        if request.path_info.startswith(self.prefix):
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
        return response


class VaryOnCookieMiddleware:
    """Every page shows 长者模式 or not, as its cookie says: caches keep a copy per cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("Cookie",))
        return response


class RejectNullCharactersMiddleware:
    """A query string with a NUL character is a 400: no database stores one, no page needs one.

    (Form fields refuse NUL characters themselves, with a message in Chinese.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)


def _pairs(query):
    for key, values in query.lists():
        for value in values:
            yield key, value
