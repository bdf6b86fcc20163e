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
 * the other language. Material's own "stay on page" lookup (Material 9.8's
 * bundle, setupAlternate) would replace that link (and drop the #section),
 * so the click is handled here first. The links are Material's
 * `.md-select a[hreflang]`: overrides/hooks/seo.py fails the build if a page
 * has none. */
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
 * words come from the page: the labels from the Markdown, the messages from
 * the helper's data-* attributes (data-msg-*, data-yes, data-no, data-copied),
 * which overrides/hooks/data_tables.py fills in from mkdocs.yml's
 * extra.ui.<lang>.code_helper. Without JavaScript the helper stays hidden and
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

/* 3. Glossary terms: tap for the definition ----------------------------------
 * overrides/hooks/glossary.py turns glossary terms into <abbr title="…">.
 * A title shows only while a mouse hovers, never on a phone; Material's
 * `content.tooltips` (9.8) also reacts only to hover and focus, and an
 * <abbr> cannot take focus, so a tap shows nothing there either. Here a tap,
 * click, Enter or Space on a term shows its definition in one popover under
 * the term; tapping the term again, Escape, or a tap anywhere else closes it.
 * A mouse hovering or keyboard focus shows it too. The popover is placed
 * over the page (position: absolute), so nothing moves; without JavaScript
 * the title stays, as before; print never shows it (extra.css, part 3).
 * Screen readers: each term is a button (one tab stop per term and page),
 * described by its definition (aria-describedby). */
(function () {
  "use strict";

  var terms = Array.prototype.filter.call(
    document.querySelectorAll(".md-content abbr[title]"),
    function (abbr) { return !abbr.closest("a, button, label, summary, .md-tooltip"); }  // no control inside a control
  );
  if (!terms.length) return;

  var tip = document.createElement("div");
  tip.className = "mdx-tooltip";
  tip.id = "mdx-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  var described = document.createElement("div");  // the definitions, for aria-describedby
  described.hidden = true;
  document.body.appendChild(described);
  document.body.appendChild(tip);

  var current = null;   // the term whose definition is shown
  var pinned = false;   // opened by tap, click or key: stays until closed
  var leaving = 0;
  var byText = {};
  var tabStop = {};

  terms.forEach(function (abbr, index) {
    var definition = abbr.getAttribute("title");
    abbr.removeAttribute("title");  // no second, native tooltip
    abbr.setAttribute("data-mdx-definition", definition);
    if (!byText[definition]) {
      var span = document.createElement("span");
      span.id = "mdx-definition-" + index;
      span.textContent = definition;
      described.appendChild(span);
      byText[definition] = span.id;
    }
    abbr.setAttribute("aria-describedby", byText[definition]);
    abbr.setAttribute("role", "button");
    abbr.setAttribute("aria-expanded", "false");
    abbr.setAttribute("aria-controls", "mdx-tooltip");
    abbr.tabIndex = tabStop[abbr.textContent] ? -1 : 0;
    tabStop[abbr.textContent] = true;
  });

  function place(abbr) {
    var rects = abbr.getClientRects();
    var r = rects.length ? rects[0] : abbr.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left + r.width / 2 - w / 2, width - w - 8));
    var top = r.bottom + 8;
    if (top + h > window.innerHeight && r.top - 8 - h > 0) top = r.top - 8 - h;  // no room below
    tip.style.left = Math.round(left + window.scrollX) + "px";
    tip.style.top = Math.round(top + window.scrollY) + "px";
  }

  function show(abbr, pin) {
    clearTimeout(leaving);
    if (current && current !== abbr) current.setAttribute("aria-expanded", "false");
    current = abbr;
    pinned = pin;
    tip.textContent = abbr.getAttribute("data-mdx-definition");
    tip.hidden = false;
    abbr.setAttribute("aria-expanded", "true");
    place(abbr);
  }

  function hide() {
    clearTimeout(leaving);
    if (!current) return;
    current.setAttribute("aria-expanded", "false");
    current = null;
    pinned = false;
    tip.hidden = true;
  }

  function byKeyboard(el) {
    try { return el.matches(":focus-visible"); } catch (e) { return false; }  // older Safari: on Enter only
  }

  function termOf(node) {
    var abbr = node && node.closest ? node.closest("abbr[data-mdx-definition]") : null;
    return abbr && terms.indexOf(abbr) !== -1 ? abbr : null;
  }

  document.addEventListener("click", function (event) {
    var abbr = termOf(event.target);
    if (abbr) {
      if (abbr === current && pinned) hide();
      else show(abbr, true);
    } else if (current && !tip.contains(event.target)) {
      hide();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      var abbr = current;
      hide();
      if (document.activeElement === abbr || tip.contains(document.activeElement)) abbr.focus();
      return;
    }
    var term = termOf(event.target);
    if (term && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();  // Space would scroll the page
      if (term === current && pinned) hide();
      else show(term, true);
    }
  });

  terms.forEach(function (abbr) {
    abbr.addEventListener("focus", function () {
      if (byKeyboard(abbr) && current !== abbr) show(abbr, false);
    });
    abbr.addEventListener("blur", function () {
      if (current === abbr && !pinned) hide();
    });
    abbr.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "mouse" && !(pinned && current)) show(abbr, false);
    });
    abbr.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse" && current === abbr && !pinned) {
        leaving = setTimeout(hide, 300);
      }
    });
  });
  // The definition can be hovered too (WCAG 1.4.13): moving onto it keeps it.
  tip.addEventListener("pointerenter", function () { clearTimeout(leaving); });
  tip.addEventListener("pointerleave", function (event) {
    if (event.pointerType === "mouse" && !pinned) leaving = setTimeout(hide, 300);
  });
  window.addEventListener("resize", function () { if (current) place(current); });
  window.addEventListener("beforeprint", hide);
})();
