from django.contrib import admin

from ..models import BUREAU_NAME
from . import (  # noqa: F401  (registers the model admins)
    calendar,
    catalogue,
    consultations,
    office_changes,
    offices,
    profile,
    publications,
    requests,
    staff,
)

admin.site.site_header = f"{BUREAU_NAME}政府信息公开管理"
admin.site.site_title = "政府信息公开管理"
admin.site.index_title = "管理首页"
