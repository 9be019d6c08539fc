from django.apps import AppConfig
from django.core.signals import request_finished, request_started


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "政府信息公开"

    def ready(self) -> None:
        from disclosure import checks  # noqa: F401  (registers the system checks)
        from disclosure.selectors import content

        request_started.connect(content.request_started, dispatch_uid="content_request_started")
        request_finished.connect(content.request_finished, dispatch_uid="content_request_finished")
