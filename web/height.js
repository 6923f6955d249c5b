// Waymark height reporter: runs inside a widget's iframe and tells the host
// page how tall the content is, so the iframe can be exactly that tall and
// never show a scrollbar of its own. It is the only script a widget needs
// before the app loads, and it sends nothing but a number.
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var last = -1;
  function report() {
    // The root element's box, not scrollHeight: scrollHeight never drops
    // below the iframe's current height, so a widget could grow but never
    // shrink back.
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) {
      return;
    }
    last = height;
    // "*" because a widget cannot know who embeds it; the message holds
    // only the height. The host checks who sent it.
    window.parent.postMessage(JSON.stringify({ type: "waymark:height", height: height }), "*");
  }
  if (window.ResizeObserver) {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener("load", report);
  report();
})();
