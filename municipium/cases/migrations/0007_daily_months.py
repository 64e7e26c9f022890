from django.db import migrations, models

from municipium.core.formatting import GREGORIAN, SOLAR_HIJRI, calendar_month

MODELS = ("dailyfigures", "dailyopen")
CALENDARS = {"month": GREGORIAN, "solar_month": SOLAR_HIJRI}


def fill_months(apps, schema_editor):
    """The rows already built get their days' months: one update per table, column and month
    (a month is a range of days in either calendar), so the boards read them at once."""
    for name in MODELS:
        rows = apps.get_model("cases", name).objects.order_by()
        days = sorted(rows.values_list("day", flat=True).distinct())
        for column, calendar in CALENDARS.items():
            ranges: dict = {}
            for day in days:  # in order: a month's first day is found first
                month = calendar_month(day, calendar)
                ranges[month] = (ranges.get(month, (day,))[0], day)
            for month, (first, last) in ranges.items():
                rows.filter(day__gte=first, day__lte=last).update(**{column: month})


def month_field():
    return models.PositiveIntegerField(default=0)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_case_list_filtered_index")]

    operations = [
        *[
            migrations.AddField(
                model_name=name, name=column, field=month_field(), preserve_default=False
            )
            for name in MODELS
            for column in CALENDARS
        ],
        migrations.RunPython(fill_months, migrations.RunPython.noop),
    ]
