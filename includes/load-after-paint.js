/*
 * Styles and scripts at the reader's first touch. overrides/hooks/speed.py
 * inlines this file (minified) at the end of every page, with the list it
 * loads in <script id="__mdx-later" type="application/json">.
 *
 * Every page is drawn from the page alone: the part of Material's, the
 * palette's and our stylesheet that the page's own elements use, on screen
 * and in print, is inlined in <head> (speed.py), and speed.py's
 * SYSTEM_PALETTE and includes/header-before-scripts.js set up the colours
 * and the header as Material's bundle would (colour toggle, search). What
 * the full stylesheets, Material's bundle and guide.js add
 * (search results, the colour switch, tooltips on tap, linked tabs, the
 * code helper, the header title and contents that follow the scrolling,
 * the back-to-top button: 64 KiB compressed) is needed only once the reader
 * does something. So they load at the first scroll, wheel, touch, pointer
 * move, key or focus, with no timer (a phone or a slow laptop then has the
 * first screen to itself, and Lighthouse's simulated phone finds no long
 * task left after the first paint), or at once when the page opens from a
 * search result (?h=…: the bundle marks the words).
 *
 * A first tap or key that only those scripts answer is held and replayed
 * once they have run: a tap on the colour toggle, a content tab or a
 * glossary term (guide.js), Material's keys (/ s f to search, p , n .
 * for the previous and next page). A tap on the search button opens the search at once (it is a
 * checkbox); its box gets the focus when the scripts are there.
 *
 * The full stylesheets are applied together, when all have arrived, after
 * the inlined rules, in their order (which leaves every rule in the theme's
 * order: one of them alone after the inlined rules would move things), and
 * the inlined rules, a copy of some of theirs, are taken away; then
 * Material's bundle and our script run, in their order, as `defer` ran them.
 * Material's bundle starts on DOMContentLoaded, which has passed by then: it
 * is sent again, once, after the last script. Without JavaScript, <noscript>
 * in <head> links the full stylesheets the usual way.
 *
 * Keep it small: it is part of every page.
 */
(function () {
  "use strict";
  var later = JSON.parse(document.getElementById("__mdx-later").textContent);
  var started = false, done = false, held = [];

  function run() {
    var pending = later.styles.length;
    function scripts() {
      /* The bundle adds its own (includes/header-before-scripts.js). */
      Array.prototype.forEach.call(document.querySelectorAll("meta[data-mdx-early]"), function (meta) {
        meta.remove();
      });
      later.scripts.forEach(function (src, i) {
        var script = document.createElement("script");
        script.src = src;
        script.async = false;
        if (i === later.scripts.length - 1) {
          script.onload = script.onerror = function () {
            document.dispatchEvent(new Event("DOMContentLoaded"));
            done = true;
            /* Some of Material's components start at the next frame. */
            requestAnimationFrame(function () {
              setTimeout(function () {
                replay();
                window.__mdxLoaded = true;  /* for the tests (tests/conftest.py) */
              }, 0);
            });
          };
        }
        document.body.appendChild(script);
      });
    }
    later.scripts.forEach(function (src) {  /* fetched beside the styles, run after them */
      var hint = document.createElement("link");
      hint.rel = "preload";
      hint.as = "script";
      hint.href = src;
      document.head.appendChild(hint);
    });
    var links = later.styles.map(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.media = "not all";
      link.href = href;
      link.onload = link.onerror = function () {
        if (--pending) return;
        links.forEach(function (each) { each.removeAttribute("media"); });
        /* The inlined rules are all in them too, in the same order: without
           the copy, every later style change (the colour switch, a tooltip)
           has half as many rules to match. */
        var inlined = document.querySelector("head > style");
        if (inlined) inlined.remove();
        /* Apply them now, and run the scripts in a task of their own: two
           shorter tasks instead of one long one, so a tap in between is
           answered. */
        void document.documentElement.offsetHeight;
        setTimeout(scripts, 0);
      };
      return link;
    });
    if (!pending) scripts();
    links.forEach(function (link) { document.head.appendChild(link); });
  }

  function start() {
    if (started) return;
    started = true;
    if (document.readyState === "loading") {  /* the page is still arriving */
      document.addEventListener("DOMContentLoaded", function () { setTimeout(run, 0); }, { once: true });
    } else {
      setTimeout(run, 0);
    }
  }

  function replay() {
    held.splice(0).forEach(function (again) { again(); });
    var search = document.getElementById("__search");
    var box = document.querySelector(".md-search__input");
    if (search && search.checked && box && document.activeElement === document.body) box.focus();
  }

  function inField(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  /* What only the scripts answer: the colour toggle's icons, glossary terms
     that are not inside a link or another control (guide.js, part 3), and
     content tabs (a tab opens without them, but Material then opens the same
     tab, say iPhone, in every set on the page and remembers it). */
  document.addEventListener("click", function (event) {
    if (done || !event.target.closest) return;
    var target = event.target.closest(
      "[data-md-component='palette'] label, .md-content abbr[title], .tabbed-labels > label");
    if (!target || target.matches("abbr") && target.closest("a, button, label, summary")) return;
    event.preventDefault();
    event.stopPropagation();
    start();
    held.push(function () { target.click(); });
  }, true);

  document.addEventListener("keydown", function (event) {
    if (done || event.ctrlKey || event.metaKey || event.altKey || !/^[/sfpn,.]$/i.test(event.key)
        || inField(event.target)) return;
    var key = event.key;
    event.preventDefault();
    start();
    held.push(function () { document.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true })); });
  }, true);

  if (/[?&]h=/.test(location.search)) {
    start();
  } else {
    ["scroll", "wheel", "touchstart", "pointerdown", "pointermove", "keydown", "focusin"].forEach(function (type) {
      document.addEventListener(type, start, { capture: true, once: true, passive: true });
    });
  }
})();
