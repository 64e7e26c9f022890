from django.http import Http404
from django.shortcuts import render
from django.utils import translation

from .forms import SearchForm
from .selectors import search_result_list


def search(request):
    """Results for ?q= among the site's pages in the current language. Not put in the page
    cache: every query is a different page."""
    if getattr(request, "tenant", None) is None:
        raise Http404("Search needs a municipality's site.")
    form = SearchForm(request.GET)
    form.is_valid()  # every input is valid: text is trimmed, a bad page number is page 1
    text, number = form.cleaned_data.get("q", ""), form.cleaned_data.get("page", 1)
    results = None
    if text.strip():
        results = search_result_list(
            site=request.tenant.site,
            language=translation.get_language(),
            text=text,
            page_number=number,
        )
    return render(request, "search/search.html", {"form": form, "results": results, "query": text})
