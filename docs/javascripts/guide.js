/*
 * The site's own JavaScript, small and without dependencies:
 *
 * 1. The language switcher lands on the same section: both languages use the
 *    same heading ids, so the current #anchor is carried over.
 * 2. The activation-code helper on the install step.
 *
 * (Search on demand, which must run before Material's bundle, is
 * includes/search-on-demand.js, inlined into each page.)
 */

/* 1. Language switcher: keep the section ------------------------------------
 * mkdocs-static-i18n already points each switcher link at the same page in
 * the other language. Material's own "stay on page" lookup would replace
 * that link (and drop the #section), so the click is handled here first. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
  if (!link) return;
  if (location.hash && !link.hash) link.hash = location.hash;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  location.href = link.href;
}, true);

/* 2. Activation-code helper ------------------------------------------------- */
/*
 * docs/steps/install-esim.*.md, section #manual-entry.
 *
 * Splits the text form of an eSIM activation code (GSMA SGP.22, section 4.1)
 *
 *     LPA:1$<SM-DP+ address>$<activation code>[$<SM-DP+ OID>[$1]]
 *
 * into the fields a phone's manual-entry screen asks for. A final "$1" means
 * the operator also gave a confirmation code to type in.
 *
 * It runs only in this browser tab: nothing is sent or stored anywhere. All
 * words come from the page (data-msg-*, data-yes, data-no), so both languages
 * live in the Markdown pages. Without JavaScript the helper stays hidden and
 * the page's text explains how to split the code by hand.
 */
(function () {
  "use strict";

  var HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
  var TOKEN = /^[A-Za-z0-9-]+$/;
  var OID = /^[0-9]+(?:\.[0-9]+)*$/;

  /* Returns {address, code, confirm} or {error: "empty" | "format" | "address" | "code"}. */
  function parse(text) {
    var s = text.replace(/\s+/g, "");
    if (!s) return { error: "empty" };
    s = s.replace(/^LPA:/i, "");
    var parts = s.split("$");
    if (parts.length < 2 || parts.length > 5 || parts[0] !== "1") return { error: "format" };
    if (!HOST.test(parts[1])) return { error: "address" };
    if (parts.length < 3 || !TOKEN.test(parts[2])) return { error: "code" };
    if (parts.length >= 4 && parts[3] !== "" && !OID.test(parts[3])) return { error: "format" };
    if (parts.length === 5 && parts[4] !== "1") return { error: "format" };
    return { address: parts[1], code: parts[2], confirm: parts[4] === "1" };
  }

  function setUp(root) {
    var input = root.querySelector("[data-lpa-input]");
    var error = root.querySelector("[data-lpa-error]");
    var result = root.querySelector("[data-lpa-result]");
    var address = root.querySelector("[data-lpa-address]");
    var code = root.querySelector("[data-lpa-code]");
    var confirm = root.querySelector("[data-lpa-confirm]");

    function split() {
      var parsed = parse(input.value);
      if (parsed.error) {
        result.hidden = true;
        input.setAttribute("aria-invalid", "true");
        error.textContent = root.getAttribute("data-msg-" + parsed.error);
        return;
      }
      input.removeAttribute("aria-invalid");
      error.textContent = "";
      address.value = parsed.address;
      code.value = parsed.code;
      confirm.textContent = root.getAttribute(parsed.confirm ? "data-yes" : "data-no");
      result.hidden = false;
    }

    root.querySelector("[data-lpa-split]").addEventListener("click", split);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        split();
      }
    });

    Array.prototype.forEach.call(root.querySelectorAll("[data-lpa-copy]"), function (button) {
      var field = root.querySelector("[data-lpa-" + button.getAttribute("data-lpa-copy") + "]");
      if (!navigator.clipboard) {
        button.hidden = true;  // fields stay selectable by hand
        return;
      }
      var label = button.textContent;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = root.getAttribute("data-copied");
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
    root.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-mdx-lpa]"), setUp);
})();
