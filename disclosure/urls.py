from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from disclosure.views import (
    api,
    applications,
    catalogue,
    consultations,
    feeds,
    files,
    publications,
    search,
    site,
)
from disclosure.views.sitemaps import SITEMAPS

app_name = "disclosure"

urlpatterns = [
    path("", catalogue.home, name="home"),
    path("xxgk/", catalogue.directory, name="directory"),
    path("xxgk/doc/<int:pk>/", publications.publication_detail, name="publication"),
    path("xxgk/doc/<int:pk>/print/", publications.publication_print, name="publication_print"),
    path("xxgk/doc/<int:pk>/files/<int:attachment>/", files.attachment_download, name="attachment"),
    path("xxgk/doc/<int:pk>/photo/", files.photo, name="photo"),
    path("xxgk/doc/<int:pk>/yj/", consultations.comment_submit, name="comment_submit"),
    path("search/", search.search_page, name="search"),
    path("search/opensearch.xml", search.opensearch, name="opensearch"),
    path("ysqgk/", applications.guide, name="application_guide"),
    path("ysqgk/sq/", applications.apply, name="application_apply"),
    path("ysqgk/hz/", applications.receipt, name="application_receipt"),
    path("ysqgk/cx/", applications.lookup, name="application_lookup"),
    path("feeds/rss.xml", feeds.site_rss, name="feed_site"),
    path("feeds/atom.xml", feeds.site_atom, name="feed_site_atom"),
    path("feeds/office/<int:pk>/rss.xml", feeds.office_rss, name="feed_office"),
    path("feeds/office/<int:pk>/atom.xml", feeds.office_atom, name="feed_office_atom"),
    re_path(
        r"^feeds/xxgk/(?P<path>[-\w]+(?:/[-\w]+){0,2})/rss\.xml$",
        feeds.column_rss,
        name="feed_column",
    ),
    re_path(
        r"^feeds/xxgk/(?P<path>[-\w]+(?:/[-\w]+){0,2})/atom\.xml$",
        feeds.column_atom,
        name="feed_column_atom",
    ),
    path("api/v1/", api.index, name="api_index"),
    path("api/v1/items/", api.items, name="api_items"),
    path("api/v1/items/<int:pk>/", api.item_detail, name="api_item"),
    path("api/v1/documents/", api.documents, name="api_documents"),
    path("api/v1/documents/<int:pk>/", api.document_detail, name="api_document"),
    path("api/v1/withdrawn/", api.withdrawn, name="api_withdrawn"),
    path("wzdt/", site.sitemap_page, name="sitemap_page"),
    path("wza/", site.display_mode, name="display_mode"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", site.robots_txt, name="robots"),
    path("favicon.ico", site.favicon, name="favicon"),
    re_path(r"^xxgk/(?P<path>[-\w]+(?:/[-\w]+){0,2})/$", catalogue.item_detail, name="item"),
]
