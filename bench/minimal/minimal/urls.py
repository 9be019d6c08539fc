from django.urls import path

from minimal.rows import views

urlpatterns = [
    path("const/", views.constant),
    path("list/", views.row_list),
    path("row/<int:pk>/", views.row_detail),
]
