from csp.constants import UNSAFE_INLINE
from django.conf import settings


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
        if request.path.startswith(self.prefix):
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
        return response
