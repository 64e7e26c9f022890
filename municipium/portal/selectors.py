import datetime

from django.db.models import QuerySet

from municipium.tenancy.models import Municipality

from .models import AccessibilityDeclarationPage


def accessibility_declaration_list_for_review(
    *, municipalities: QuerySet[Municipality], today: datetime.date
) -> list[tuple[AccessibilityDeclarationPage, bool]]:
    """Each declaration of these municipalities' sites, soonest review first, with whether
    its yearly review (due by 31 March) is overdue."""
    declarations = []
    for municipality in municipalities.select_related("site__root_page"):
        root = municipality.site.root_page
        homes = root.get_translations(inclusive=True)
        for home in homes:
            declarations += list(
                AccessibilityDeclarationPage.objects.descendant_of(home).select_related("locale")
            )
    declarations.sort(key=lambda page: page.review_due_on)
    return [(page, page.review_due_on < today) for page in declarations]
