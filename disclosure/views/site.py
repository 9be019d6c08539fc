"""The site's own files: robots.txt, the favicon, the 网站地图 page for people, and 长者模式."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from disclosure.lib import display
from disclosure.selectors.catalogue import public_tree


@require_safe
def robots_txt(request):
    """Crawlers may read the public site, not the admin; the sitemap lists its pages."""
    sitemap = request.build_absolute_uri(reverse("disclosure:sitemap"))
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Allow: {get_script_prefix()}",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon lives with the static files."""
    return redirect(static("favicon.ico"), permanent=False)


@require_safe
def sitemap_page(request):
    """The 网站地图: the site's sections and the whole public catalogue."""
    return render(request, "disclosure/sitemap.html", {"tree": public_tree()})


@require_safe
@never_cache
def display_mode(request):
    """The 长者模式 switch at the top of every page: sets or clears its cookie, then goes back.

    A plain link, so that it works without JavaScript and needs no form. The
    page to go back to must be a path on this site; anything else goes home.
    """
    prefix = get_script_prefix()
    target = display.safe_return_path(
        request.GET.get("next"), host=request.get_host(), secure=request.is_secure(), prefix=prefix
    )
    response = HttpResponseRedirect(target or reverse("disclosure:home"))
    mode = request.GET.get("mode")
    if mode == display.ELDER:
        response.set_cookie(
            display.MODE_COOKIE,
            display.ELDER,
            max_age=display.MODE_COOKIE_AGE,
            path=prefix,
            secure=settings.SESSION_COOKIE_SECURE,
            samesite="Lax",
        )
    elif mode == display.STANDARD:
        response.delete_cookie(display.MODE_COOKIE, path=prefix, samesite="Lax")
    return response
