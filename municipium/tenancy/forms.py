from wagtail.admin.forms import WagtailAdminModelForm

from .selectors import municipality_list_for_user


class MunicipalityOwnedForm(WagtailAdminModelForm):
    """A form for a row that belongs to a municipality: staff choose only among the
    municipalities they work for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "municipality" in self.fields:
            self.fields["municipality"].queryset = municipality_list_for_user(user=self.for_user)
