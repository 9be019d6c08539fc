import re

from django.db import migrations

TYPED_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def strip_typed_extensions(apps, schema_editor):
    """Attachment names no longer carry an extension: it comes from the checked file type."""
    Attachment = apps.get_model("disclosure", "Attachment")
    for attachment in Attachment.objects.all().only("id", "name"):
        stem = TYPED_EXTENSION.sub("", attachment.name.strip()).strip()
        if stem and stem != attachment.name:
            Attachment.objects.filter(pk=attachment.pk).update(name=stem)


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0008_returns_and_replacements"),
    ]

    operations = [
        migrations.RunPython(strip_typed_extensions, migrations.RunPython.noop),
    ]
