"""An SVG image that an editor uploaded runs no script: opened directly from /media/images/ (its
rendition's address), the server's sandboxing policy stops it; on a page it is an ``<img>``."""

import pytest

pytestmark = pytest.mark.browser

HOSTILE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160">'
    '<script>document.title = "ran"; fetch("/healthz?svg-ran")</script>'
    '<circle cx="80" cy="80" r="70" fill="#0b4f8a"/></svg>'
)


def test_an_uploaded_svg_opened_directly_runs_no_script(tabs, server):
    images = server.var_dir / "media" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "hostile.height-160.svg").write_text(HOSTILE_SVG)
    tab = tabs[1280]
    response = tab.open(server.url("bornova", "/media/images/hostile.height-160.svg"))
    assert response.headers["content-type"] == "image/svg+xml"
    assert "sandbox" in response.headers["content-security-policy"]
    tab.page.wait_for_timeout(300)
    assert tab.page.evaluate("document.title") != "ran"


def test_the_svg_emblem_is_shown_as_an_image_in_the_header(tabs, server):
    tab = tabs[375]
    tab.open(server.url("bumehen", "/fa/"))
    sources = tab.page.eval_on_selector_all("header img", "els => els.map(e => e.src)")
    assert any(source.endswith(".svg") for source in sources)
    assert tab.page.eval_on_selector_all("header object, header embed, header iframe",
                                         "els => els.length") == 0  # fmt: skip
