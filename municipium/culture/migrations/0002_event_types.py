from django.db import migrations

from municipium.culture.event_types import event_types_ensure


def seed(apps, schema_editor):
    event_types_ensure(
        apps.get_model("culture", "EventType"), apps.get_model("culture", "EventTypeName")
    )


def unseed(apps, schema_editor):
    apps.get_model("culture", "EventType").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("culture", "0001_venues_partners_event_types")]

    operations = [migrations.RunPython(seed, unseed)]
