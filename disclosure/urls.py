from django.urls import path, re_path

from disclosure import views
from disclosure.views import applications

app_name = "disclosure"

urlpatterns = [
    path("", views.home, name="home"),
    path("xxgk/", views.directory, name="directory"),
    path("xxgk/doc/<int:pk>/", views.publication_detail, name="publication"),
    path("xxgk/doc/<int:pk>/print/", views.publication_print, name="publication_print"),
    path(
        "xxgk/doc/<int:pk>/files/<int:attachment>/",
        views.attachment_download,
        name="attachment",
    ),
    path("xxgk/doc/<int:pk>/photo/", views.photo, name="photo"),
    path("xxgk/doc/<int:pk>/yj/", views.comment_submit, name="comment_submit"),
    path("ysqgk/", applications.guide, name="application_guide"),
    path("ysqgk/sq/", applications.apply, name="application_apply"),
    path("ysqgk/hz/", applications.receipt, name="application_receipt"),
    path("ysqgk/cx/", applications.lookup, name="application_lookup"),
    re_path(r"^xxgk/(?P<path>[-\w]+(?:/[-\w]+){0,2})/$", views.item_detail, name="item"),
]
