// Waymark theme: runs in a widget's <head>, before the first paint, and
// fixes the colour scheme where the reader's system preference is not the
// right guide. A widget embedded in an article is light unless the embed
// code asks for dark (?theme=dark), since it sits inside a page whose own
// colours the widget cannot see; a widget opened on its own follows the
// reader's system unless the address says otherwise. Without JavaScript
// the stylesheet follows the system.
(function () {
  "use strict";
  var asked = /(?:^|[?&])theme=(light|dark|auto)(?:&|$)/.exec(location.search);
  var theme = asked ? asked[1] : window.parent !== window ? "light" : "auto";
  if (theme !== "auto") {
    document.documentElement.setAttribute("data-theme", theme);
  }
})();
