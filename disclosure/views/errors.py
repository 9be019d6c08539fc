"""Error pages, all in Chinese.

None of these views is decorated with `requires_csrf_token`, as Django's own
are: that decorator runs the CSRF check again, which reads the request body
again, and a body Django could not read the first time (a form sent as
Latin-1, say) would then turn a 400 into a server error. The 400, 500 and
503 pages ask nothing of the database either: a page that fails because the
database is down or does not answer (an OperationalError: refused, timed
out, cancelled) is a 503 with Retry-After, not a 500.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader

RETRY_AFTER_SECONDS = 60


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: explained in Chinese, with the way back."""
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception):
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def permission_denied(request, exception):
    """A page the user may not see; the reason, when the code gave one, is shown."""
    message = str(exception) if exception and str(exception) else ""
    context = {
        "message": message,
        "in_admin": request.path_info.startswith(f"/{settings.ADMIN_URL}"),
    }
    return HttpResponseForbidden(loader.get_template("403.html").render(context, request))


def server_error(request):
    """500, or 503 with Retry-After when the database cannot be reached or does not answer."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
