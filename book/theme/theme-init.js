// Applies the colour scheme the reader chose with the toggle (remembered in localStorage)
// before the page is painted, so a dark-theme reader never sees a flash of white.
// Loaded synchronously in <head>; without a stored choice the page follows the system.
(function () {
  try {
    var theme = window.localStorage.getItem("book-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage can be disabled (private windows, some file:// settings): follow the system.
  }
})();
