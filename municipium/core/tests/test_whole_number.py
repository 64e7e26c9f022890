"""core.http.whole_number: the one reader of numbers from a request and from editor content."""

import pytest

from municipium.core.http import whole_number


@pytest.mark.parametrize(
    "value, expected",
    [
        ("7", 7),
        (" 12 ", 12),
        ("۲", 2),  # Persian digits, as a Persian reader types them
        ("٣", 3),  # Arabic-Indic
        (5, 5),
        ("²", None),  # a digit for str.isdigit(), not for int()
        ("①", None),
        ("-1", None),
        ("+1", None),
        ("1e3", None),
        ("1.5", None),
        ("1_000", None),  # int() reads it; a person does not write it
        ("", None),
        ("\x00", None),
        ("9" * 19, None),  # beyond a 64-bit integer of the databases
        ("9" * 5000, None),
        (None, None),
        (True, None),
    ],
)
def test_whole_number_reads_only_whole_numbers(value, expected):
    assert whole_number(value) == expected


def test_whole_number_gives_the_default_and_keeps_within_the_bounds():
    assert whole_number("①", default=1) == 1
    assert whole_number("0", default=1, minimum=1) == 1
    assert whole_number("123456789", minimum=1, maximum=1000) == 1000
