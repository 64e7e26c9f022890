"""The picker's conversions (core/js/solar-hijri-picker.js, on the browser's ICU calendar) agree
with the server's (persiantools) on every day from 1300 to 1500 AP, leap years included."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from persiantools.jdatetime import JalaliDate

PICKER = Path(__file__).resolve().parents[1] / "static" / "core" / "js" / "solar-hijri-picker.js"

# The module's conversions without its DOM part, checked for every day of 1300–1500 AP.
SCRIPT = """
const fs = require("fs");
const source = fs.readFileSync(process.argv[1], "utf8");
const f = new Function(source.slice(0, source.indexOf("class Picker")) +
  "return {toSolarHijri, fromSolarHijri, daysInMonth};")();
const start = f.fromSolarHijri(1300, 1, 1);
const end = f.fromSolarHijri(1500, 12, f.daysInMonth(1500, 12));
const roundTripFailures = [];
const esfand = {};
for (let year = 1300; year <= 1500; year += 1) esfand[year] = f.daysInMonth(year, 12);
for (let n = start; n <= end; n += 1) {
  const j = f.toSolarHijri(n);
  if (f.fromSolarHijri(j.year, j.month, j.day) !== n) roundTripFailures.push(n);
}
console.log(JSON.stringify({start, end, roundTripFailures, esfand}));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")


def test_the_pickers_calendar_agrees_with_persiantools_from_1300_to_1500():
    result = subprocess.run(
        ["node", "-e", SCRIPT, str(PICKER)], capture_output=True, text=True, check=True
    )
    answer = json.loads(result.stdout)
    epoch = datetime.date(1970, 1, 1)
    assert epoch + datetime.timedelta(answer["start"]) == JalaliDate(1300, 1, 1).to_gregorian()
    last = JalaliDate(1500, 12, JalaliDate.days_in_month(12, 1500))
    assert epoch + datetime.timedelta(answer["end"]) == last.to_gregorian()
    assert answer["roundTripFailures"] == []
    assert answer["esfand"] == {
        str(year): JalaliDate.days_in_month(12, year) for year in range(1300, 1501)
    }
