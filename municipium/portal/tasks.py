from django.core.management import call_command
from django_tasks import task


@task()
def pages_publish_scheduled() -> None:
    """Publish the pages whose scheduled time has come, and unpublish expired ones (Wagtail's
    own command; safe to run twice)."""
    call_command("publish_scheduled", verbosity=0)
