from django_tasks import task

from .services import news_view_counts_fold


@task()
def view_counts_fold() -> int:
    """Fold the articles' view events into their totals (periodic; safe to run twice)."""
    return news_view_counts_fold()
