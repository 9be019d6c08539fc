"""The site's own files: robots.txt, the favicon, and the 网站地图 page for people."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from disclosure.selectors.catalogue import public_tree


@require_safe
def robots_txt(request):
    """Crawlers may read the public site, not the admin; the sitemap lists its pages."""
    sitemap = request.build_absolute_uri(reverse("disclosure:sitemap"))
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Allow: /",
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
