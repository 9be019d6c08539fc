"""Django's loaddata, which also marks what citizens see as changed (a fixture may hold any of it)."""

from django.core.management.commands import loaddata
from django.db import transaction

from disclosure.services.content import content_changed


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        super().handle(*fixture_labels, **options)
        with transaction.atomic():
            content_changed()
