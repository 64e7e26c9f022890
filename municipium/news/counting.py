"""Which requests count as a view of an article, and counting those served from the page cache.

A view is a person reading the page: a GET answered with 200, not a HEAD, not a preview in the
editor, not a signed-in member of staff, not a prefetch that nobody may look at, and not a
program (a User-Agent that names a bot, crawler, spider, link preview or HTTP library, or none
at all). Deliberately simple: a determined robot that pretends to be a browser is counted.
"""

import re

from .services import news_view_record

BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|scrap|preview|fetch|archiv|facebookexternalhit|embedly|"
    r"whatsapp|telegram|skype|slack|discord|pinterest|bitly|tumblr|vkshare|quora|"
    r"headless|lighthouse|pagespeed|pingdom|uptime|monitor|validator|feed|rss|"
    r"curl|wget|python|httpx|aiohttp|go-http|java/|okhttp|libwww|perl|ruby|node-fetch|axios|"
    r"postman|insomnia|http_request|apache-httpclient|mediapartners|google-read-aloud",
    re.IGNORECASE,
)

# The cache meta key under which an article page names itself (NewsArticlePage.serve).
META_KEY = "news_article_id"


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or BOT_USER_AGENT.search(user_agent) is not None


def _is_prefetch(request) -> bool:
    purpose = " ".join(
        request.headers.get(name, "") for name in ("Sec-Purpose", "Purpose", "X-Moz")
    )
    return "prefetch" in purpose.lower()


def view_is_countable(request) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and not _is_prefetch(request)
        and not is_bot(request.headers.get("User-Agent", ""))
    )


def count_cached_view(request, meta) -> None:
    """A page-cache hit handler (``core.page_cache.on_cache_hit``): a cached article page
    counts its reader as the rendered page would have. The cache stores only 200 responses."""
    page_id = (meta or {}).get(META_KEY)
    if page_id is not None and view_is_countable(request):
        news_view_record(page_id=page_id)
