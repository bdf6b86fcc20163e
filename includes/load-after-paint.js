/*
 * Styles and scripts after the main content is on screen. overrides/hooks/
 * speed.py inlines this file (minified) at the end of every page, with the
 * list it loads in <script id="__mdx-later" type="application/json">.
 *
 * The first screen is drawn from the page alone: the part of Material's,
 * the palette's and our stylesheet that the page's own elements use is
 * inlined in <head> (speed.py), so nothing blocks the first paint. Once the
 * browser reports the largest paint (or at the latest after 3 s, at the first
 * key or tap, or at once in a hidden tab or a browser without that report),
 * this loads the full stylesheets, for what the scripts add later (search,
 * clipboard buttons, tooltips), and applies them together after the inlined
 * rules, in their order (which leaves every rule in the theme's order);
 * then Material's bundle and our script, in their order, as `defer` ran them. Material's bundle starts on
 * DOMContentLoaded, which has passed by then: it is sent again, once, after
 * the last script. Without JavaScript, <noscript> in <head> links the full
 * stylesheets the usual way.
 *
 * The whole-guide page ("wait": "reader" in its list) waits for the reader
 * instead: the first scroll, wheel, touch, pointer move, key or focus, with
 * no timer. Its inlined rules cover all of its own elements, on screen and
 * in print, so it reads and prints the same without them; what it waits for
 * is what those scripts add (search, the colour toggle, linked tabs,
 * tooltips on tap, the code helper): 64 KiB compressed, which a reader who
 * only prints it, or saves it, never needs.
 *
 * Keep it small: it is part of every page.
 */
(function () {
  "use strict";
  var later = JSON.parse(document.getElementById("__mdx-later").textContent);
  var started = false;

  function run() {
    var pending = later.styles.length;
    function scripts() {
      later.scripts.forEach(function (src, i) {
        var script = document.createElement("script");
        script.src = src;
        script.async = false;
        if (i === later.scripts.length - 1) {
          script.onload = script.onerror = function () {
            document.dispatchEvent(new Event("DOMContentLoaded"));
            window.__mdxLoaded = true;  /* for the tests (tests/conftest.py) */
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
    /* All three at once, when all have arrived: one of them alone after the
       inlined rules would change their order (a layout shift). */
    var links = later.styles.map(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.media = "not all";
      link.href = href;
      link.onload = link.onerror = function () {
        if (--pending) return;
        links.forEach(function (each) { each.removeAttribute("media"); });
        /* Apply them now, and run the scripts in a task of their own: two
           shorter tasks instead of one long one, so a tap in between is
           answered (and the page's total blocking time is lower). */
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
    setTimeout(run, 0);
  }

  function whenParsed() {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes || [];
    if (later.wait === "reader") {
      ["scroll", "wheel", "touchstart", "pointerdown", "pointermove", "keydown", "focusin"].forEach(function (type) {
        document.addEventListener(type, start, { capture: true, once: true, passive: true });
      });
      return;
    }
    if (document.visibilityState === "hidden" || types.indexOf("largest-contentful-paint") < 0) {
      start();
      return;
    }
    new PerformanceObserver(start).observe({ type: "largest-contentful-paint", buffered: true });
    setTimeout(start, 3000);
    ["keydown", "pointerdown", "visibilitychange"].forEach(function (type) {
      document.addEventListener(type, start, { capture: true, once: true });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", whenParsed, { once: true });
  } else {
    whenParsed();
  }
})();
