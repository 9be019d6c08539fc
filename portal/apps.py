from axes.apps import AppConfig as AxesConfig


class LoginProtectionConfig(AxesConfig):
    """django-axes, under a Chinese name in the admin."""

    verbose_name = "登录保护"
