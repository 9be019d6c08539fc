"""The site's map for search engines (/sitemap.xml): every public page, nothing unpublished.

Documents come from `Publication.objects.public()`, so a scheduled one
appears at its time and a withdrawn one, or one under a hidden item, leaves
at once.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models.functions import Greatest
from django.urls import reverse

from disclosure.models import Publication
from disclosure.selectors.catalogue import public_tree


class SectionSitemap(Sitemap):
    """The fixed pages: home, the 公开目录, 依申请公开 and the HTML 网站地图."""

    def items(self):
        return [
            "disclosure:home",
            "disclosure:directory",
            "disclosure:application_guide",
            "disclosure:sitemap_page",
        ]

    def location(self, name):
        return reverse(name)


class CatalogueSitemap(Sitemap):
    """Every public catalogue item's page, in tree order."""

    def items(self):
        stack, items = list(reversed(public_tree())), []
        while stack:
            node = stack.pop()
            items.append(node.item)
            stack.extend(reversed(node.children))
        return items


class PublicationSitemap(Sitemap):
    """Every public document, dated by its last change or its publication, whichever is later."""

    limit = 5000

    def items(self):
        # (key, last change) pairs: 5,000 documents a page are not made into objects.
        return (
            Publication.objects.public()
            .annotate(last_changed=Greatest("published_at", "updated_at"))
            .order_by("-published_at", "-id")
            .values_list("pk", "last_changed")
        )

    def lastmod(self, row):
        return row[1]

    def location(self, row):
        # One reverse() for the whole page, not one per document.
        if not hasattr(self, "_address"):
            head, _, tail = reverse("disclosure:publication", kwargs={"pk": 0}).rpartition("/0/")
            self._address = (f"{head}/", f"/{tail}")
        head, tail = self._address
        return f"{head}{row[0]}{tail}"


SITEMAPS = {
    "sections": SectionSitemap,
    "catalogue": CatalogueSitemap,
    "publications": PublicationSitemap,
}
