"""``municipium news_views_fold``: fold the articles' view events into their totals now.
``municipium worker`` does it every tick; this is for cron or by hand."""

from django.core.management.base import BaseCommand

from municipium.news.tasks import view_counts_fold


class Command(BaseCommand):
    help = "Fold the news articles' recorded views into their totals."

    def handle(self, *args, **options):
        folded = view_counts_fold.call()
        if options["verbosity"]:
            self.stdout.write(f"Folded {folded} view(s).")
