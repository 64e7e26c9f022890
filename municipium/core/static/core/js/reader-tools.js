// Reader tools: text size (remembered) and print. The controls are real buttons, so they work
// by keyboard; they stay hidden without JavaScript, where the browser's own zoom and print remain.
const SIZES = ["font-size-0", "font-size-1", "font-size-2", "font-size-3", "font-size-4"];
const DEFAULT = 1;
const KEY = "municipium:font-size";

function storedSize() {
  const value = Number.parseInt(localStorage.getItem(KEY) ?? "", 10);
  return Number.isInteger(value) && value >= 0 && value < SIZES.length ? value : DEFAULT;
}

function applySize(size) {
  const root = document.documentElement;
  root.classList.remove(...SIZES);
  root.classList.add(SIZES[size]);
  localStorage.setItem(KEY, String(size));
  for (const button of document.querySelectorAll("[data-font-size]")) {
    const step = button.dataset.fontSize;
    button.disabled =
      (step === "smaller" && size === 0) || (step === "larger" && size === SIZES.length - 1);
  }
}

export function initReaderTools() {
  applySize(storedSize());
  for (const tools of document.querySelectorAll("[data-reader-tools]")) {
    tools.hidden = false;
  }
  for (const button of document.querySelectorAll("[data-font-size]")) {
    button.addEventListener("click", () => {
      const step = { smaller: -1, larger: 1, reset: 0 }[button.dataset.fontSize];
      applySize(step === 0 ? DEFAULT : storedSize() + step);
    });
  }
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
}
