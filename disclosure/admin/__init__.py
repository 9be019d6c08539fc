from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.models import User
from django.core.validators import MaxLengthValidator

from disclosure.admin import (  # noqa: F401 (each module registers its admin)
    applications,
    calendar,
    catalogue,
    consultations,
    figures,
    office_changes,
    offices,
    profile,
    publications,
    reports,
    staff,
    statements,
    words,
)
from disclosure.models import BUREAU_NAME


class LoginForm(AdminAuthenticationForm):
    """Django's login form only tells the browser the user name's length; this checks it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = User._meta.get_field("username").max_length
        self.fields["username"].validators.append(
            MaxLengthValidator(limit, f"用户名不能超过{limit}个字符。")
        )


admin.site.site_header = f"{BUREAU_NAME}政府信息公开管理"
admin.site.site_title = "政府信息公开管理"
admin.site.index_title = "管理首页"
admin.site.login_form = LoginForm
# The lists need the width at 1366 px more than a second menu beside the first.
admin.site.enable_nav_sidebar = False
