// A <details data-open-from="60rem"> is folded on a phone and opened on a wide screen, once, when
// the page loads: the reader may still fold it. Without script it stays as the server sent it.
export function initDisclosures(root = document) {
  for (const details of root.querySelectorAll("details[data-open-from]")) {
    if (window.matchMedia(`(min-width: ${details.dataset.openFrom})`).matches) {
      details.open = true;
    }
  }
}
