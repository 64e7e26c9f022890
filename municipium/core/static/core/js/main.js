// Progressive enhancement only: every page works without this file.
import { initDisclosures } from "./disclosure.js";
import { initReaderTools } from "./reader-tools.js";

document.documentElement.classList.replace("no-js", "js");
initDisclosures();

// The reader's text size applies on every page, whether or not it shows the controls.
try {
  initReaderTools();
} catch (error) {
  // Storage refused by the browser's privacy settings: the page keeps its normal text size.
  if (!(error instanceof DOMException)) throw error;
}
