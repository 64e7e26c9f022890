"""The directorate page's editor form: editors choose the page's unit among their
municipality's units, and the directorate it reports to among its site's pages."""

from municipium.organisation.selectors import unit_list_for_municipality
from municipium.tenancy.forms import MunicipalPageForm
from municipium.tenancy.selectors import municipality_get_for_page


class DirectoratePageForm(MunicipalPageForm):
    def __init__(self, data=None, files=None, parent_page=None, *args, **kwargs):
        super().__init__(data, files, parent_page, *args, **kwargs)
        from .models import DirectoratePage

        page = self.instance
        anchor = page if page.pk else parent_page
        municipality = municipality_get_for_page(page=anchor) if anchor is not None else None
        if "unit" in self.fields:
            self.fields["unit"].queryset = unit_list_for_municipality(municipality=municipality)
        if "reports_to_page" in self.fields and municipality is not None:
            self.fields["reports_to_page"].queryset = DirectoratePage.objects.in_site(
                municipality.site
            ).exclude(pk=page.pk)
