/*
 * Search on demand, and no sitemap probes. overrides/hooks/speed.py inlines this file
 * (minified) into every page, just before Material's bundle: it must be in
 * place before the bundle starts, and inline it costs no extra request.
 *
 * Material fetches the search index (16-20 KB compressed) and its worker
 * (12 KB) as soon as a page opens; most readers never search. Both wait here
 * until the reader opens search (hover or tap on the search box or icon, the
 * / s f keys) or arrives from a search result (?h=..., highlighted by
 * Material). Material itself waits like this in the offline copy (file://).
 * tests/test_browser_search.py checks: nothing before, results after.
 *
 * No sitemap probes. Material's "stay on page" language switch (setupAlternate
 * in Material 9.8's bundle) requests sitemap.xml next to every hreflang
 * <link rel="alternate"> in <head>. Ours are absolute (search engines need
 * that) and point at page folders, so each page view made three requests to
 * the published address, failing on any other address (a preview, a mirror,
 * `mkdocs serve` on another port). guide.js already keeps the reader on the
 * same page and section when switching, so Material's lookup has no use
 * here: its requests are never sent. tests/test_any_address.py checks that
 * no page asks for a sitemap and that a copy served anywhere fails nothing.
 *
 * Keep it small: it is part of every page.
 */
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.XMLHttpRequest || !window.Worker) return;

  var started = /[?&]h=/.test(location.search);
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenStarted(run) {
    if (started) run(); else waiting.push(run);
  }

  /* The index: Material requests search/search_index.json with XMLHttpRequest. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.mdxSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    this.mdxSitemap = /\/sitemap\.xml$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.mdxSitemap) return;  /* Material's language lookup: see above */
    if (!request.mdxSearchIndex) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  /* The worker: created when Material first sends it something (the index). */
  var BrowserWorker = window.Worker;
  window.Worker = function (url, options) {
    var worker = null, listeners = [];
    function real() {
      if (!worker) {
        worker = new BrowserWorker(url, options);
        listeners.forEach(function (args) { worker.addEventListener.apply(worker, args); });
      }
      return worker;
    }
    return {
      postMessage: function () { var w = real(); w.postMessage.apply(w, arguments); },
      addEventListener: function () {
        if (worker) worker.addEventListener.apply(worker, arguments); else listeners.push(arguments);
      },
      removeEventListener: function (type, listener) {
        if (worker) worker.removeEventListener.apply(worker, arguments);
        listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== listener; });
      },
      terminate: function () { if (worker) worker.terminate(); }
    };
  };

  /* What counts as opening search. */
  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  function inField(target) {
    return target && target.closest && target.closest("input, textarea, select, [contenteditable]");
  }
  ["pointerover", "pointerdown", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (inSearch(event.target)) start(); }, true);
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (/^[/sf]$/i.test(event.key) && !inField(event.target)) start();
  }, true);
})();
