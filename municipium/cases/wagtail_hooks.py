from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    register_actions(
        actions,
        [
            ("cases.case.open", _("Open case"), _("Case opened.")),
            ("cases.case.transition", _("Change case status"), _("Case status changed.")),
            ("cases.case.assign", _("Assign case"), _("Case assigned.")),
            ("cases.case.route", _("Route case"), _("Case sent to another unit.")),
            ("cases.case.note", _("Add note to case"), _("Note added to the case.")),
            ("cases.case.extend", _("Extend case deadline"), _("Case deadline extended.")),
            ("cases.case.link", _("Link cases"), _("Cases linked.")),
            ("cases.case.escalate", _("Escalate case"), _("Overdue case escalated.")),
            ("cases.case.attach", _("Attach file to case"), _("File attached to the case.")),
        ],
    )
