from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "政府信息公开"

    def ready(self) -> None:
        from disclosure import checks  # noqa: F401  (registers the system checks)
