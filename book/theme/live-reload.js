// The live-reload client of `make watch`. The watch server adds it to every page it
// serves (it is not copied to book/assets/: the offline book never loads it).
//
// It listens to the server's events (/__live/events, server-sent events):
// - "reload" {files: [...]}: the watcher rewrote these files of book/; if this page is
//   one of them, or one of its stylesheets or scripts, reload, keeping the scroll position;
// - "status" {working, failures}: show "chapter 05: building..." in a small banner, and
//   failures (chapter, cell, message, file:line, the compiler's diagnostic) over the page,
//   which keeps its last good content underneath until the failure is fixed.
(function () {
  "use strict";

  var scrollKey = "book-live-scroll:" + location.pathname;
  var page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");

  // Put the page back where the reader was before the reload.
  try {
    var saved = sessionStorage.getItem(scrollKey);
    if (saved !== null) {
      sessionStorage.removeItem(scrollKey);
      var position = JSON.parse(saved);
      var restore = function () { window.scrollTo(position.x, position.y); };
      restore();
      window.addEventListener("load", restore);
    }
  } catch (e) { /* no session storage: the browser restores what it can */ }

  function reload() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) { /* ignored */ }
    location.reload();
  }

  function concernsThisPage(files) {
    return files.some(function (file) {
      // The search index is read when the reader searches; it alone is no reason to reload.
      return file === page || /^assets\//.test(file);
    });
  }

  // ---- The banner ------------------------------------------------------------------
  var banner = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function styleBanner(node, failed) {
    var s = node.style;
    s.position = "fixed"; s.zIndex = "2147483647"; s.left = "0"; s.right = "0";
    s.font = "14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    s.boxShadow = "0 2px 8px rgba(0,0,0,.3)";
    if (failed) {
      s.top = "0"; s.maxHeight = "70vh"; s.overflow = "auto"; s.padding = "1em 1.5em";
      s.background = "#2b0b0e"; s.color = "#ffe9ea"; s.borderBottom = "4px solid #e5484d";
    } else {
      s.top = "auto"; s.bottom = "1em"; s.left = "auto"; s.right = "1em"; s.padding = ".5em 1em";
      s.background = "#1c2b3a"; s.color = "#e8f1fa"; s.borderRadius = "6px";
    }
  }

  function show(status) {
    if (banner) { banner.remove(); banner = null; }
    var failures = (status && status.failures) || [];
    if (!failures.length && !(status && status.working)) return;
    banner = element("div", "live-banner");
    banner.setAttribute("role", failures.length ? "alert" : "status");
    banner.id = "live-banner";
    styleBanner(banner, failures.length > 0);
    failures.forEach(function (failure) {
      var box = element("section", "live-failure");
      box.style.marginBottom = "1em";
      var title = failure.chapter + (failure.cell ? ", cell " + failure.cell : "") + ": " + failure.message;
      var heading = element("strong", "live-failure-title", title);
      heading.style.display = "block";
      box.appendChild(heading);
      if (failure.location) box.appendChild(element("div", "live-failure-location", failure.location));
      if (failure.detail) {
        var pre = element("pre", "live-failure-detail", failure.detail);
        // Its own colours: the book's styles for <pre> are made for its light and dark pages.
        var p = pre.style;
        p.whiteSpace = "pre-wrap"; p.margin = ".5em 0 0"; p.padding = ".5em .75em"; p.border = "0";
        p.background = "rgba(0,0,0,.35)"; p.color = "#ffe9ea"; p.font = "inherit"; p.borderRadius = "4px";
        box.appendChild(pre);
      }
      banner.appendChild(box);
    });
    if (failures.length) {
      banner.appendChild(element("div", "live-failure-note",
        "The page below is the last good build. Fix the error and save: this goes away by itself."));
    }
    if (status.working) banner.appendChild(element("div", "live-working", status.working));
    document.body.appendChild(banner);
  }

  // ---- Events ------------------------------------------------------------------------
  if (!window.EventSource) return;
  var events = new EventSource("/__live/events");
  events.addEventListener("status", function (event) {
    try { show(JSON.parse(event.data)); } catch (e) { /* a malformed event is ignored */ }
  });
  events.addEventListener("reload", function (event) {
    try {
      if (concernsThisPage(JSON.parse(event.data).files || [])) reload();
    } catch (e) { reload(); }
  });
  window.BOOK_LIVE = { connected: function () { return events.readyState === 1; } };
})();
