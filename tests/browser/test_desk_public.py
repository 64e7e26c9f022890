"""A resident files a request in Persian (on a phone) and in Turkish (on a desktop), marks the
place on the map, follows it, rejects the first answer and accepts the second; the staff's
answers are given through the services, as the admin would. Every page is checked (axe-core,
console, sideways scrolling) and kept as a screenshot; the form works without JavaScript."""

import io
import re

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

TRACKING = re.compile(r"/track/(?P<reference>\d\d-\d{5})/(?P<token>[\w-]+)/")


def _png(colour=(232, 236, 240)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(output, format="PNG")
    return output.getvalue()


def _jpeg() -> bytes:
    image = Image.new("RGB", (320, 240), (180, 60, 40))
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (35.0, 43.0, 40.0)})
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


TILE = _png()


@pytest.fixture
def offline_tiles(tabs):
    """The map's tiles come from the tile server the operator sets (OpenStreetMap by default);
    the test machine has no network, so the browser is given a plain tile for each."""
    for tab in tabs.values():
        tab.page.route(
            re.compile(r"https://tile\.openstreetmap\.org/.*"),
            lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
        )
    yield
    for tab in tabs.values():
        tab.page.unroute(re.compile(r"https://tile\.openstreetmap\.org/.*"))


def staff_answers(server, site: str, staff: str, reference: str, text: str, *, first: bool):
    start = "case = case_transition(case=case, transition='start', by=user)\n" if first else ""
    server.python(
        "from django.contrib.auth import get_user_model\n"
        "from municipium.cases.models import Case\n"
        "from municipium.cases.services import case_transition\n"
        f"user = get_user_model().objects.get(username={staff!r})\n"
        f"case = Case.objects.get(municipality__slug={site!r}, reference={reference!r})\n"
        f"{start}"
        f"case_transition(case=case, transition='answer', by=user, note={text!r})\n"
    )


def file_request(tab, server, *, site, path, category, name, answers, description, slug):
    page = tab.page
    tab.open(server.url(site, path))
    tab.check(f"desk-{slug}-choose")
    page.get_by_label(category, exact=True).check()
    page.locator(".desk-form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("[data-desk-map]").is_visible()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    tab.check(f"desk-{slug}-form")
    for label, value in answers:
        field = page.get_by_label(label, exact=True)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.locator("#id_description").fill(description)
    page.locator("#id_address").fill("—")
    the_map = page.locator("[data-desk-map]")
    the_map.scroll_into_view_if_needed()
    box = the_map.bounding_box()
    the_map.click(position={"x": box["width"] / 2 + 20, "y": box["height"] / 2 - 10})
    assert page.locator("#id_latitude").input_value() != ""
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill("resident@example.org")
    page.locator("#id_photos").set_input_files(
        [{"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    page.locator(".desk-form button[type=submit]").click()
    page.wait_for_load_state("load")
    match = TRACKING.search(page.url)
    assert match, page.url
    assert page.locator(".desk-message--success").is_visible()
    assert name not in page.content() and "resident@example.org" not in page.content()
    assert page.locator(".desk-tracking__photos img").evaluate("img => img.naturalWidth") == 320
    tab.check(f"desk-{slug}-filed")
    return match["reference"], page.url.split("?")[0]


def give_verdict(tab, url, *, reject: bool, slug: str, comment: str):
    page = tab.page
    tab.open(url)
    assert page.locator(".desk-tracking__answer").is_visible()
    tab.check(f"desk-{slug}-answered")
    page.locator("input[name=verdict]").nth(1 if reject else 0).check()
    page.locator("input[name=rating]").nth(1 if reject else 4).check()
    page.locator("#id_comment").fill(comment)
    page.locator(".desk-tracking__answer button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator(".desk-message--success").is_visible()
    tab.check(f"desk-{slug}-{'rejected' if reject else 'accepted'}")


def test_a_resident_files_in_persian_on_a_phone_rejects_then_accepts(server, tabs, offline_tiles):
    tab = tabs[375]
    reference, url = file_request(
        tab, server, site="bumehen", path="/fa/درخواست/", category="روشنایی معابر",
        name="مریم احمدی", answers=[("شماره تیر چراغ (روی برچسب تیر)", "۱۲۴۵")],
        description="چراغ کوچه بهار سه شب است خاموش است.", slug="fa",
    )  # fmt: skip
    assert tab.page.locator("html").get_attribute("dir") == "rtl"
    staff_answers(server, "bumehen", "callcentre-bumehen", reference, "لامپ تعویض شد.", first=True)
    give_verdict(tab, url, reject=True, slug="fa", comment="هنوز خاموش است.")
    assert "هنوز خاموش است." in tab.page.locator(".desk-timeline").inner_text()
    staff_answers(server, "bumehen", "callcentre-bumehen", reference, "کابل تعمیر شد.", first=False)
    give_verdict(tab, url, reject=False, slug="fa", comment="ممنون.")
    assert tab.page.locator(".desk-tracking__answer").count() == 0
    tabs[1280].open(url)
    tabs[1280].check("desk-fa-closed")


def test_a_resident_files_in_turkish_on_a_desktop_rejects_then_accepts(server, tabs, offline_tiles):
    tab = tabs[1280]
    reference, url = file_request(
        tab, server, site="sisli", path="/tr/istek-ve-sikayet/",
        category="Beyaz Masa: istek ve şikâyet", name="Ayşe Yılmaz",
        answers=[("Konu", "kaldirim")], description="Kaldırım taşları kırık, yaşlılar düşüyor.",
        slug="tr",
    )  # fmt: skip
    staff_answers(server, "sisli", "callcentre-sisli", reference, "Ekip yönlendirildi.", first=True)
    give_verdict(tab, url, reject=True, slug="tr", comment="Kimse gelmedi.")
    staff_answers(server, "sisli", "callcentre-sisli", reference, "Taşlar değişti.", first=False)
    give_verdict(tab, url, reject=False, slug="tr", comment="Teşekkürler.")
    tabs[375].open(url)
    tabs[375].check("desk-tr-closed")


def test_the_form_works_without_javascript_with_plain_coordinates(server, no_script_page):
    page = no_script_page
    page.goto(server.url("sisli", "/tr/istek-ve-sikayet/?category=beyaz-masa"))
    assert not page.locator("[data-desk-map]").is_visible()
    page.get_by_label("Konu", exact=True).select_option("temizlik")
    page.locator("#id_description").fill("Çöpler üç gündür alınmadı.")
    page.locator("#id_latitude").fill("41.0602")
    page.locator("#id_longitude").fill("28.9877")
    page.locator(".desk-form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert TRACKING.search(page.url), page.url
    assert "41" in page.locator(".desk-summary").inner_text()
