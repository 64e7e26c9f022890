"""Person's table and index take the organisation app's names, now that directory's
migration no longer needs them under its own."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_organisation"),
        ("directory", "0005_organisation"),
    ]

    operations = [
        migrations.AlterModelTable(name="person", table=None),
        migrations.RenameIndex(
            model_name="person",
            new_name="organisation_person_name",
            old_name="directory_p_municip_164f9c_idx",
        ),
    ]
