from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from disclosure.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("disclosure.urls")),
]

handler400 = "disclosure.views.errors.bad_request"
handler403 = "disclosure.views.errors.permission_denied"
handler500 = "disclosure.views.errors.server_error"
