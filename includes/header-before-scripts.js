/*
 * The header as Material's bundle will leave it, before the bundle runs.
 * overrides/hooks/speed.py inlines this file (minified) right after the
 * header, so it runs once the whole header has been read: shown any
 * earlier, the colour toggle would be drawn where the language selector is
 * still to come, and move when it came.
 *
 * Material's bundle waits for the reader's first touch, scroll or key
 * (includes/load-after-paint.js). Until then three things it would do are
 * done here, so the header looks the same before and after it:
 *
 * 1. The colour toggle. Material renders both of its icons hidden, and the
 *    bundle shows the one for the current colours and checks its option:
 *    the colours saved by the reader, or else the first option whose media
 *    query matches (the first option if none does; speed.py's
 *    SYSTEM_PALETTE has already set those colours).
 * 2. The search. Material hides it while the page has its `no-js` class,
 *    which only the bundle takes away. JavaScript runs, though, and search
 *    works as soon as the bundle has loaded, so the `mdx-js` class marks
 *    that here, and extra.css shows the search.
 * 3. The browser's own colours: <meta name="theme-color"> (the toolbar of a
 *    phone's browser) and <meta name="color-scheme"> (scroll bars, form
 *    controls), taken from the header's style, as the bundle takes them.
 *    The bundle adds its own and changes those when the reader switches
 *    colours, but a browser reads the first: load-after-paint.js takes
 *    these away (data-mdx-early) just before the bundle runs.
 *
 * Keep it small: it is part of every page.
 */
(function () {
  "use strict";
  document.documentElement.classList.add("mdx-js");
  var options = document.querySelectorAll("[data-md-color-media]");
  var saved = __md_get("__palette");
  var index = saved && typeof saved.index === "number" ? saved.index : -1;
  for (var i = 0; i < options.length && index < 0; i++) {
    if (matchMedia(options[i].getAttribute("data-md-color-media")).matches) index = i;
  }
  var option = options[Math.max(0, Math.min(index, options.length - 1))];
  if (option) {
    option.checked = true;
    if (option.nextElementSibling) option.nextElementSibling.hidden = false;
  }
  var header = document.querySelector(".md-header");
  if (header) {
    var style = getComputedStyle(header);
    var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    [["color-scheme", style.colorScheme],
     ["theme-color", "#" + rgb.map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join("")]
    ].forEach(function (pair) {
      var meta = document.createElement("meta");
      meta.name = pair[0];
      meta.content = pair[1];
      meta.setAttribute("data-mdx-early", "");
      document.head.appendChild(meta);
    });
  }
})();
