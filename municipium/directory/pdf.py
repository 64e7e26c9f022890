"""HTML and CSS to PDF with WeasyPrint, which shapes Persian text (REFERENCE.md). It reads
only the project's own stylesheets and fonts, from files: never the network."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

# Stylesheets of every PDF, in order: the site's self-hosted fonts (Noto Sans, Vazirmatn),
# then the PDF's layout.
STYLESHEETS = ("core/css/fonts.css", "directory/css/service-standards-pdf.css")


def _stylesheet_paths(names=STYLESHEETS) -> list[Path]:
    paths = []
    for name in names:
        found = finders.find(name)
        if not found:
            raise FileNotFoundError(name)
        paths.append(Path(found).resolve())
    return paths


# WeasyPrint does not read a range of weights (variable fonts) and warns on every PDF; without
# the declaration the same face is used.
_WEIGHT_RANGE = re.compile(r"font-weight:\s*\d+\s+\d+\s*;")


def _readable(path: Path) -> str:
    return _WEIGHT_RANGE.sub("", path.read_text())


def _local_fetcher(allowed: list[Path]):
    from weasyprint.urls import URLFetcher

    class LocalFilesOnly(URLFetcher):
        """Files beside the stylesheets (their fonts), nothing else."""

        def fetch(self, url, headers=None):
            from urllib.parse import unquote, urlparse

            parsed = urlparse(url)
            if parsed.scheme == "data":  # inlined in the HTML itself (a logo): no fetch
                return super().fetch(url, headers)
            target = Path(unquote(parsed.path)).resolve()
            if parsed.scheme != "file" or not any(target.is_relative_to(d) for d in allowed):
                raise ValueError(f"Not fetched for a PDF: {url}")
            return super().fetch(url, headers)

    return LocalFilesOnly(allowed_protocols={"file", "data"})


def html_to_pdf(html: str, *, stylesheets: tuple[str, ...] = STYLESHEETS) -> bytes:
    """``html`` as a PDF with ``stylesheets`` (static files' names, fonts first)."""
    # Imported here: WeasyPrint loads Pango, which only the PDF exports need.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    paths = _stylesheet_paths(stylesheets)
    fetcher = _local_fetcher([path.parent.parent for path in paths])  # css/ and fonts/
    fonts = FontConfiguration()
    stylesheets = [
        CSS(string=_readable(path), base_url=path.as_uri(), url_fetcher=fetcher, font_config=fonts)
        for path in paths
    ]
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts)
