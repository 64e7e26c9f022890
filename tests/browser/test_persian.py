"""A Persian page reads as Persian: Persian digits in the header's date and the self-hosted
Vazirmatn font, actually loaded."""

import re

import pytest

pytestmark = pytest.mark.browser

PERSIAN_DIGIT = re.compile("[۰-۹]")
OTHER_DIGIT = re.compile("[0-9٠-٩]")  # Latin and Arabic-Indic digits


@pytest.fixture(scope="module")
def persian_home(server, tabs):
    tab = tabs[1280]
    tab.open(server.url("bumehen", "/fa/"))
    return tab.page


def test_header_date_is_written_in_persian_digits(persian_home):
    date = persian_home.locator(".site-header__date").inner_text()
    assert PERSIAN_DIGIT.search(date), date
    assert not OTHER_DIGIT.search(date), date


def test_body_is_set_in_vazirmatn(persian_home):
    family = persian_home.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.split(",")[0].strip().strip("'\"") == "Vazirmatn", family


def test_vazirmatn_is_loaded_from_the_server(persian_home):
    loaded = persian_home.evaluate(
        """async () => {
            await document.fonts.ready;
            return {
                check: document.fonts.check("16px Vazirmatn"),
                persian: document.fonts.check("16px Vazirmatn", "شهرداری"),
                faces: [...document.fonts]
                    .filter((face) => face.family.replace(/["']/g, "") === "Vazirmatn")
                    .map((face) => face.status),
            };
        }"""
    )
    assert loaded["check"], loaded
    assert loaded["persian"], loaded
    assert "loaded" in loaded["faces"], loaded
