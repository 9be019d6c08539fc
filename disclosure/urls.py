from django.urls import path, re_path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("", views.home, name="home"),
    path("xxgk/", views.directory, name="directory"),
    re_path(r"^xxgk/(?P<path>[-\w]+(?:/[-\w]+){0,2})/$", views.item_detail, name="item"),
]
