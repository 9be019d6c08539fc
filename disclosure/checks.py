from django.conf import settings
from django.core.checks import Warning, register

DEFAULT_CREDIT_CODE = "000000000000000000"


@register(deploy=True)
def credit_code_is_set(app_configs, **kwargs):
    """Every 索引号 begins with the bureau's 统一社会信用代码, so it must be the real one."""
    if settings.CREDIT_CODE == DEFAULT_CREDIT_CODE or len(settings.CREDIT_CODE) != 18:
        return [
            Warning(
                "CREDIT_CODE is not the bureau's 18-character 统一社会信用代码.",
                hint="Set the CREDIT_CODE environment variable; it begins every document's 索引号.",
                id="disclosure.W001",
            )
        ]
    return []
