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
  // Chrome holds back resize observations in a cross-origin iframe that is
  // out of view; a widget that changes there (the app taking over below
  // the fold) must still resize, so changes to the page report too.
  if (window.MutationObserver) {
    new MutationObserver(report).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  }
  window.addEventListener("load", report);
  report();
})();
