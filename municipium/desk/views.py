"""The responses of the requests desk page's routes (``desk.pages.RequestDeskPage``): parse,
call a selector or a service, render. The rules are in ``desk.services``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from municipium.core.public_forms import (
    PublicForm,
    errors_to_form,
    form_post,
    private,
)

from .forms import CategoryChoiceForm, LookupForm, RequestForm, VerdictForm
from .selectors import (
    category_list_public,
    photo_get_for_resident,
    request_get_for_resident,
    request_tracking_get,
)
from .services import request_accept, request_dispute, request_file

RATE_SCOPE = "desk-form"
REQUEST_FORM = PublicForm(
    rate_scope=RATE_SCOPE,
    spam_refusal=gettext_lazy("Your request could not be sent. Please leave the last field empty."),
    too_many_refusal=gettext_lazy(
        "Too many requests were sent from your connection in a short "
        "time. Nothing was saved: please try again later, or call us."
    ),
)


def _render(request, page, template, context, status=200):
    form_url = page.get_url(request)
    full = {
        **page.get_context(request),
        "form_url": form_url,
        "lookup_url": form_url + page.reverse_subpage("lookup"),
        "tiles_url": settings.MUNICIPIUM_MAP_TILES_URL,
        "tiles_attribution": settings.MUNICIPIUM_MAP_ATTRIBUTION,
        **context,
    }
    return render(request, template, full, status=status)


def _field_for(form, field: str) -> str | None:
    """The service's field on the form's (a question's code on its answer's field)."""
    if field == "note":  # the engine's name for the reason of a transition
        return "comment" if "comment" in form.fields else None
    if field in form.fields:
        return field
    return f"answer_{field}" if f"answer_{field}" in form.fields else None


def request_form(request, *, page):
    municipality = request.tenant.municipality
    language = translation.get_language()
    categories = list(category_list_public(municipality=municipality))
    code = request.POST.get("category") or request.GET.get("category")
    category = next((c for c in categories if c.code == code), None)
    if category is None:
        chooser = CategoryChoiceForm(categories=categories, language=language)
        return _render(request, page, "desk/request_form.html", {"chooser": chooser})
    context = {"category": category, "category_name": category.name_in(language)}
    if request.method != "POST":
        form = RequestForm(category=category, language=language)
        return _render(request, page, "desk/request_form.html", {**context, "form": form})
    form = RequestForm(request.POST, request.FILES, category=category, language=language)
    citizen_request, refusal, status = form_post(
        request,
        form,
        REQUEST_FORM,
        submit=lambda: _file(request, page, form, municipality, category, language),
        field_for=_field_for,
    )
    if citizen_request is not None:
        return redirect(page.tracking_url(citizen_request.case, request) + "?filed=1")
    context.update(form=form, refusal=refusal, photos_lost=bool(request.FILES))
    return _render(request, page, "desk/request_form.html", context, status=status)


def _file(request, page, form, municipality, category, language):
    data = form.cleaned_data
    return request_file(
        municipality=municipality,
        category=category,
        description=data["description"],
        language=language,
        photos=[(photo.name, photo.read()) for photo in data["photos"]],
        tracking_url=lambda case: request.build_absolute_uri(page.tracking_url(case, request)),
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        address=data["address"],
        latitude=data["latitude"],
        longitude=data["longitude"],
        answers=form.answers(),
    )


def _case_or_404(request, reference, token):
    case = request_get_for_resident(
        municipality=request.tenant.municipality, reference=reference, token=token
    )
    if case is None:
        raise Http404(_("No request has this number and tracking code."))
    return case


def request_track(request, *, page, reference, token):
    case = _case_or_404(request, reference, token)
    language = translation.get_language()
    context = {
        "tracking": request_tracking_get(case=case, language=language),
        "verdict_form": VerdictForm(),
        "filed": request.GET.get("filed") == "1",
        "verdict_given": request.GET.get("verdict", ""),
        "token": token,
        "track_url": page.tracking_url(case, request),
    }
    return private(_render(request, page, "desk/request_tracking.html", context))


def request_verdict(request, *, page, reference, token):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    case = _case_or_404(request, reference, token)
    form = VerdictForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["verdict"] == VerdictForm.ACCEPT:
                request_accept(case=case, rating=data["rating"], comment=data["comment"])
            else:
                request_dispute(case=case, reason=data["comment"], rating=data["rating"])
        except ValidationError as error:
            errors_to_form(form, error, field_for=_field_for)
        else:
            return redirect(page.tracking_url(case, request) + f"?verdict={data['verdict']}")
    language = translation.get_language()
    context = {
        "tracking": request_tracking_get(case=case, language=language),
        "verdict_form": form,
        "token": token,
        "track_url": page.tracking_url(case, request),
    }
    response = _render(request, page, "desk/request_tracking.html", context, status=400)
    return private(response)


def request_lookup(request, *, page):
    form = LookupForm(request.GET or None)
    if form.is_valid():
        case = request_get_for_resident(
            municipality=request.tenant.municipality,
            reference=form.cleaned_data["reference"],
            token=form.cleaned_data["token"],
        )
        if case is not None:
            return redirect(page.tracking_url(case, request))
        form.add_error(None, _("No request has this number and tracking code."))
    response = _render(request, page, "desk/request_lookup.html", {"lookup_form": form})
    return private(response)


def request_photo(request, *, page, reference, token, photo):
    """A photo of the request, as cleaned when it was filed, to the holder of the token."""
    case = _case_or_404(request, reference, token)
    attachment = photo_get_for_resident(case=case, pk=photo)
    if attachment is None:
        raise Http404
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = f'inline; filename="{attachment.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private(response)
