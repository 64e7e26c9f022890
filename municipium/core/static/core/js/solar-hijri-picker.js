// A Solar Hijri date picker for the admin's date fields (core.forms).
//
// It only enhances a text input: without it, staff type 1405/02/10 (or ۱۴۰۵/۰۲/۱۰) and the
// server reads it. The field's wrapper carries what the picker shows, written by the server
// through core.formatting: CLDR's month and weekday names (weeks start on Saturday), the
// digits, the labels and the direction. Days are converted with the browser's ICU calendar
// ("persian"), which agrees with persiantools on the server (the 33-year rule, REFERENCE.md).
// One listener on the document serves every field, also those Wagtail adds later (inline
// panels, dialogs). No inline style: placement is in solar-hijri-picker.css.

const WRAPPER = "[data-solar-hijri-picker]";
const DAY_MS = 86400000;
const DIGITS = { latin: "0123456789", persian: "۰۱۲۳۴۵۶۷۸۹" };
const TYPED = /^(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(.*)$/s;
const persianParts = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

// Days are counted as whole UTC days since 1970 (integers), so no time zone can shift them.
function toSolarHijri(dayNumber) {
  const parts = {};
  for (const part of persianParts.formatToParts(new Date(dayNumber * DAY_MS))) {
    parts[part.type] = part.value;
  }
  return { year: parseInt(parts.year, 10), month: +parts.month, day: +parts.day };
}

function compare(a, b) {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function fromSolarHijri(year, month, day) {
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
  // 1 Farvardin falls on 20, 21 or 22 March: start there and walk the day or two left.
  let dayNumber = Date.UTC(year + 621, 2, 21) / DAY_MS + dayOfYear - 1;
  const target = { year, month, day };
  for (let step = 0; step < 6; step += 1) {
    const difference = compare(target, toSolarHijri(dayNumber));
    if (difference === 0) break;
    dayNumber += Math.sign(difference);
  }
  return dayNumber;
}

function daysInMonth(year, month) {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return toSolarHijri(fromSolarHijri(year, 12, 1) + 29).month === 12 ? 30 : 29;
}

function today() {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS;
}

function latinDigits(text) {
  return text.replace(/[۰-۹٠-٩]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

class Picker {
  constructor(wrapper) {
    this.wrapper = wrapper;
    this.input = wrapper.querySelector("input");
    this.toggle = wrapper.querySelector("[data-solar-hijri-toggle]");
    const data = wrapper.dataset;
    this.months = JSON.parse(data.months);
    this.weekdays = JSON.parse(data.weekdays);
    this.weekdaysShort = JSON.parse(data.weekdaysShort);
    this.digits = DIGITS[data.digits] || DIGITS.latin;
    this.rtl = wrapper.getAttribute("dir") === "rtl";
    this.build(data);
  }

  number(value, width = 0) {
    return String(value)
      .padStart(width, "0")
      .replace(/\d/g, (digit) => this.digits[digit]);
  }

  build(data) {
    const dialog = document.createElement("div");
    dialog.className = "solar-hijri-picker";
    dialog.setAttribute("role", "dialog");
    dialog.hidden = true;
    dialog.id = `${this.input.id || this.input.name}-solar-hijri-picker`;
    const header = document.createElement("div");
    header.className = "solar-hijri-picker__header";
    this.title = document.createElement("span");
    this.title.className = "solar-hijri-picker__title";
    this.title.id = `${dialog.id}-title`;
    this.title.setAttribute("aria-live", "polite");
    dialog.setAttribute("aria-labelledby", this.title.id);
    header.append(
      this.navButton(data.labelPrevious, -1, "solar-hijri-picker__previous"),
      this.title,
      this.navButton(data.labelNext, 1, "solar-hijri-picker__next"),
    );
    const table = document.createElement("table");
    table.className = "solar-hijri-picker__grid";
    const headRow = table.createTHead().insertRow();
    this.weekdays.forEach((name, index) => {
      const cell = document.createElement("th");
      cell.scope = "col";
      cell.abbr = name;
      cell.textContent = this.weekdaysShort[index];
      headRow.append(cell);
    });
    this.body = table.createTBody();
    const close = document.createElement("button");
    close.type = "button";
    close.className = "solar-hijri-picker__close";
    close.textContent = data.labelClose;
    close.addEventListener("click", () => this.close(true));
    dialog.append(header, table, close);
    dialog.addEventListener("keydown", (event) => this.onKeydown(event));
    this.dialog = dialog;
    this.wrapper.append(dialog);
    this.toggle.setAttribute("aria-controls", dialog.id);
  }

  navButton(label, months, className) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `solar-hijri-picker__nav ${className}`;
    button.setAttribute("aria-label", label);
    button.textContent = "‹";
    button.addEventListener("click", () => this.moveMonths(months, false));
    return button;
  }

  typed() {
    const match = TYPED.exec(latinDigits(this.input.value.trim()));
    if (!match) return null;
    const [year, month, day] = [match[1], match[2], match[3]].map(Number);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return { dayNumber: fromSolarHijri(year, month, day), rest: match[4] };
  }

  open() {
    const typed = this.typed();
    this.selected = typed ? typed.dayNumber : null;
    this.focused = this.selected ?? today();
    this.render();
    this.dialog.hidden = false;
    this.toggle.setAttribute("aria-expanded", "true");
    this.focusDay();
  }

  close(returnFocus) {
    if (this.dialog.hidden) return;
    this.dialog.hidden = true;
    this.toggle.setAttribute("aria-expanded", "false");
    if (returnFocus) this.toggle.focus();
  }

  render() {
    const { year, month } = toSolarHijri(this.focused);
    this.title.textContent = `${this.months[month - 1]} ${this.number(year)}`;
    const first = fromSolarHijri(year, month, 1);
    const length = daysInMonth(year, month);
    const offset = (new Date(first * DAY_MS).getUTCDay() + 1) % 7; // Saturday is column 0
    const now = today();
    this.body.replaceChildren();
    let row = this.body.insertRow();
    for (let blank = 0; blank < offset; blank += 1) row.insertCell();
    for (let day = 1; day <= length; day += 1) {
      if (row.cells.length === 7) row = this.body.insertRow();
      const dayNumber = first + day - 1;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "solar-hijri-picker__day";
      button.dataset.day = String(dayNumber);
      button.textContent = this.number(day);
      button.tabIndex = dayNumber === this.focused ? 0 : -1;
      const weekday = this.weekdays[(offset + day - 1) % 7];
      button.setAttribute(
        "aria-label",
        `${weekday} ${this.number(day)} ${this.months[month - 1]} ${this.number(year)}`,
      );
      button.setAttribute("aria-pressed", String(dayNumber === this.selected));
      if (dayNumber === now) button.setAttribute("aria-current", "date");
      button.addEventListener("click", () => this.choose(dayNumber));
      row.insertCell().append(button);
    }
    while (row.cells.length < 7) row.insertCell();
  }

  focusDay() {
    this.body.querySelector(`[data-day="${this.focused}"]`)?.focus();
  }

  moveDays(days) {
    const before = toSolarHijri(this.focused);
    this.focused += days;
    const after = toSolarHijri(this.focused);
    if (before.month !== after.month || before.year !== after.year) this.render();
    else {
      for (const button of this.body.querySelectorAll("button")) {
        button.tabIndex = Number(button.dataset.day) === this.focused ? 0 : -1;
      }
    }
    this.focusDay();
  }

  moveMonths(months, keepFocusInGrid = true) {
    const { year, month, day } = toSolarHijri(this.focused);
    const index = year * 12 + (month - 1) + months;
    const newYear = Math.floor(index / 12);
    const newMonth = (index % 12) + 1;
    this.focused = fromSolarHijri(
      newYear,
      newMonth,
      Math.min(day, daysInMonth(newYear, newMonth)),
    );
    this.render();
    if (keepFocusInGrid) this.focusDay();
  }

  choose(dayNumber) {
    const { year, month, day } = toSolarHijri(dayNumber);
    const rest = this.typed()?.rest ?? "";
    const text = `${year}/${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}`;
    this.input.value = `${text}${rest}`.replace(/\d/g, (digit) => this.digits[digit]);
    this.input.dispatchEvent(new Event("input", { bubbles: true }));
    this.input.dispatchEvent(new Event("change", { bubbles: true }));
    this.close(false);
    this.input.focus();
  }

  onKeydown(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      this.close(true);
      return;
    }
    if (!event.target.matches(".solar-hijri-picker__day")) return;
    const forward = this.rtl ? -1 : 1;
    const column = (new Date(this.focused * DAY_MS).getUTCDay() + 1) % 7;
    const moves = {
      ArrowRight: () => this.moveDays(forward),
      ArrowLeft: () => this.moveDays(-forward),
      ArrowDown: () => this.moveDays(7),
      ArrowUp: () => this.moveDays(-7),
      Home: () => this.moveDays(-column),
      End: () => this.moveDays(6 - column),
      PageDown: () => this.moveMonths(event.shiftKey ? 12 : 1),
      PageUp: () => this.moveMonths(event.shiftKey ? -12 : -1),
    };
    if (moves[event.key]) {
      event.preventDefault();
      moves[event.key]();
    }
  }
}

const pickers = new WeakMap();

function pickerFor(wrapper) {
  if (!pickers.has(wrapper)) pickers.set(wrapper, new Picker(wrapper));
  return pickers.get(wrapper);
}

document.addEventListener("click", (event) => {
  const toggle = event.target.closest("[data-solar-hijri-toggle]");
  if (toggle) {
    const picker = pickerFor(toggle.closest(WRAPPER));
    if (picker.dialog.hidden) picker.open();
    else picker.close(true);
    return;
  }
  // A click anywhere else closes the open pickers.
  for (const wrapper of document.querySelectorAll(WRAPPER)) {
    if (!wrapper.contains(event.target) && pickers.has(wrapper)) pickers.get(wrapper).close(false);
  }
});

// The toggles stay hidden (CSS) until this module runs: without it, the text field is enough.
document.documentElement.dataset.solarHijriReady = "";
