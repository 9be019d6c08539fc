"""In code an application for information is an `application`, never a `request`."""

from django.db import migrations, models
import django.db.models.deletion


def rename_kind(apps, schema_editor, old="request", new="application"):
    for name in ("ClientAttempt", "ClientLock"):
        apps.get_model("disclosure", name).objects.filter(kind=old).update(kind=new)


def rename_kind_back(apps, schema_editor):
    rename_kind(apps, schema_editor, old="application", new="request")


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0013_doc_number_key")]

    operations = [
        migrations.RenameField(
            model_name="requestevent", old_name="request", new_name="application"
        ),
        migrations.RenameField(
            model_name="personaldataview", old_name="request", new_name="application"
        ),
        migrations.AlterField(
            model_name="informationrequest",
            name="office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="applications",
                to="disclosure.office",
                verbose_name="承办科室",
            ),
        ),
        migrations.RunPython(rename_kind, rename_kind_back),
    ]
