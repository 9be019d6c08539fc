from django.apps import AppConfig


class RowsConfig(AppConfig):
    name = "minimal.rows"
