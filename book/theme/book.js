// The book's behaviour: colour-scheme toggle, contents drawer, copy buttons, heading
// links, keyboard navigation and search. Plain JavaScript, no libraries, no network:
// the search index is a script (search-index.js, beside the pages) that sets window.BOOK_SEARCH.
(function () {
  "use strict";

  var root = document.documentElement;

  // ---- Colour scheme -------------------------------------------------------------
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "light" || chosen === "dark") return chosen;
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }

  function labelThemeButtons() {
    var other = currentTheme() === "dark" ? "light" : "dark";
    document.querySelectorAll(".theme-toggle").forEach(function (button) {
      button.title = "Switch to " + other + " colours";
      var hidden = button.querySelector(".visually-hidden");
      if (hidden) hidden.textContent = "Switch to " + other + " colours";
    });
  }

  document.querySelectorAll(".theme-toggle").forEach(function (button) {
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem("book-theme", next); } catch (e) { /* not remembered */ }
      labelThemeButtons();
    });
  });
  if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", labelThemeButtons);
  labelThemeButtons();

  // ---- Contents drawer (narrow screens) ------------------------------------------
  var sidebarToggle = document.querySelector(".sidebar-toggle");
  var sidebar = document.getElementById("sidebar");

  function setSidebar(open) {
    document.body.classList.toggle("sidebar-open", open);
    if (sidebarToggle) sidebarToggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  if (sidebarToggle && sidebar) {
    sidebarToggle.addEventListener("click", function (event) {
      event.stopPropagation();
      setSidebar(!document.body.classList.contains("sidebar-open"));
    });
    sidebar.addEventListener("click", function (event) {
      if (event.target.closest("a")) setSidebar(false);
    });
    document.addEventListener("click", function (event) {
      if (document.body.classList.contains("sidebar-open") && !sidebar.contains(event.target)) setSidebar(false);
    });
    // A long contents list: scroll the sidebar (only the sidebar, never the page) so the
    // current chapter is in view.
    var current = sidebar.querySelector(".toc-current > a");
    if (current) {
      var top = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
      if (top < 0 || top + current.offsetHeight > sidebar.clientHeight) sidebar.scrollTop += top - 16;
    }
  }

  // ---- Copy buttons ----------------------------------------------------------------
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for browsers that refuse the clipboard API on file:// pages.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.querySelectorAll(".copy-button").forEach(function (button) {
    button.addEventListener("click", function () {
      var block = button.closest(".code-block");
      var code = block && block.querySelector("pre code");
      if (!code) return;
      copyText(code.textContent).then(function () {
        button.textContent = "Copied";
        button.classList.add("copied");
      }, function () {
        button.textContent = "Press Ctrl+C";
      });
      window.setTimeout(function () {
        button.textContent = "Copy";
        button.classList.remove("copied");
      }, 1800);
    });
  });

  // ---- Links on headings -------------------------------------------------------------
  document.querySelectorAll(".content h2[id], .content h3[id], .content h4[id]").forEach(function (heading) {
    var link = document.createElement("a");
    link.className = "heading-anchor";
    link.href = "#" + heading.id;
    link.textContent = "#";
    link.setAttribute("aria-label", "Link to this section");
    heading.appendChild(link);
  });

  // ---- Print button (whole-book page) ------------------------------------------------
  document.querySelectorAll(".print-button").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // ---- Keyboard: left/right arrows turn pages, "/" searches --------------------------
  function isTyping(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) return;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      var rel = event.key === "ArrowLeft" ? "prev" : "next";
      var link = document.querySelector('link[rel="' + rel + '"]');
      if (link) {
        event.preventDefault();
        window.location.href = link.getAttribute("href");
      }
    } else if (event.key === "/" && searchInput) {
      event.preventDefault();
      searchInput.focus();
    } else if (event.key === "Escape") {
      setSidebar(false);
    }
  });

  // ---- Search -----------------------------------------------------------------------
  var searchInput = document.getElementById("search-input");
  var searchResults = document.getElementById("search-results");
  var index = Array.isArray(window.BOOK_SEARCH) ? window.BOOK_SEARCH : null;

  if (searchInput && searchResults) {
    if (!index) {
      searchInput.placeholder = "Search index missing";
      searchInput.disabled = true;
    } else {
      index.forEach(function (entry) {
        entry.lowerPage = entry.page.toLowerCase();
        entry.lowerHeading = entry.heading.toLowerCase();
        entry.lowerText = entry.text.toLowerCase();
      });
      var timer = null;
      searchInput.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { showResults(searchInput.value); }, 80);
      });
      searchInput.addEventListener("focus", function () {
        if (searchInput.value.trim()) showResults(searchInput.value);
      });
      searchInput.addEventListener("keydown", function (event) {
        var links = searchResults.querySelectorAll("a");
        if (event.key === "ArrowDown" && links.length) {
          event.preventDefault();
          links[0].focus();
        } else if (event.key === "Enter" && links.length) {
          event.preventDefault();
          window.location.href = links[0].getAttribute("href");
        } else if (event.key === "Escape") {
          searchInput.value = "";
          hideResults();
        }
      });
      searchResults.addEventListener("keydown", function (event) {
        var links = Array.prototype.slice.call(searchResults.querySelectorAll("a"));
        var at = links.indexOf(document.activeElement);
        if (event.key === "ArrowDown" && at < links.length - 1) {
          event.preventDefault();
          links[at + 1].focus();
        } else if (event.key === "ArrowUp") {
          event.preventDefault();
          if (at > 0) { links[at - 1].focus(); } else { searchInput.focus(); }
        } else if (event.key === "Escape") {
          hideResults();
          searchInput.focus();
        }
      });
      document.addEventListener("click", function (event) {
        if (!event.target.closest(".search")) hideResults();
      });
    }
  }

  function hideResults() {
    searchResults.hidden = true;
  }

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var inHeading = entry.lowerHeading.indexOf(w) >= 0;
      var inPage = entry.lowerPage.indexOf(w) >= 0;
      var inText = entry.lowerText.indexOf(w) >= 0;
      if (!inHeading && !inPage && !inText) return 0;
      total += (inHeading ? 10 : 0) + (inPage ? 4 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  // A piece of the section's text around the first word found, with the words marked.
  function snippet(entry, words) {
    var text = entry.text;
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = entry.lowerText.indexOf(words[i]);
    var start = Math.max(0, at - 60);
    var piece = (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
    var fragment = document.createDocumentFragment();
    var lower = piece.toLowerCase();
    var pos = 0;
    while (pos < piece.length) {
      var next = -1, length = 0;
      for (var j = 0; j < words.length; j++) {
        var found = lower.indexOf(words[j], pos);
        if (found >= 0 && (next < 0 || found < next)) { next = found; length = words[j].length; }
      }
      if (next < 0) { fragment.appendChild(document.createTextNode(piece.slice(pos))); break; }
      fragment.appendChild(document.createTextNode(piece.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + length);
      fragment.appendChild(mark);
      pos = next + length;
    }
    return fragment;
  }

  function showResults(query) {
    var words = terms(query);
    searchResults.textContent = "";
    if (!words.length) { hideResults(); return; }
    var found = [];
    index.forEach(function (entry) {
      var s = score(entry, words);
      if (s > 0) found.push({ entry: entry, score: s });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    var status = document.createElement("p");
    status.className = "search-status";
    status.setAttribute("role", "status");
    status.textContent = found.length === 0 ? "Nothing found for “" + query.trim() + "”."
      : found.length + (found.length === 1 ? " section" : " sections") + (found.length > 12 ? ", best 12 shown" : "");
    searchResults.appendChild(status);
    found.slice(0, 12).forEach(function (hit) {
      var link = document.createElement("a");
      link.className = "search-result";
      link.href = hit.entry.url;
      var title = document.createElement("span");
      title.className = "search-result-title";
      title.textContent = hit.entry.heading ? hit.entry.page + " › " + hit.entry.heading : hit.entry.page;
      var text = document.createElement("span");
      text.className = "search-result-snippet";
      text.appendChild(snippet(hit.entry, words));
      link.appendChild(title);
      link.appendChild(text);
      link.addEventListener("click", hideResults);
      searchResults.appendChild(link);
    });
    searchResults.hidden = false;
  }
})();
