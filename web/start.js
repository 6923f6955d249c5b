// Waymark app starter: the prerendered page is whole without the app (the
// stylesheet opens the stage a link names, options.js applies the
// address's options), so go-app's scripts, which register the service
// worker and fetch the wasm, several megabytes, wait until the page has
// loaded and the browser is idle. Until then they take nothing from the
// page, or from the article around it, on the network or the main thread.
// Whatever the reader did meanwhile, the app picks up when it takes over
// (each widget's OnInit). Idle rather than the reader's first input: the
// app would then replace the page under the very control being used, and
// a page opened once and never touched would keep nothing for offline use.
(function () {
  "use strict";
  // wasm_exec.js then app.js, whose addresses only the build knows.
  var scripts = WAYMARK_APP_SCRIPTS;
  function start() {
    scripts.forEach(function (src) {
      var s = document.createElement("script");
      s.src = src;
      // Inserted scripts run as they arrive unless told otherwise; app.js
      // needs what wasm_exec.js defines.
      s.async = false;
      document.head.appendChild(s);
    });
  }
  function idle() {
    // The timeout starts the app on a page that is never idle, such as an
    // article busy with scripts of its own. Safari has no
    // requestIdleCallback: there, the next task after load.
    if (window.requestIdleCallback) {
      requestIdleCallback(start, { timeout: 2000 });
    } else {
      setTimeout(start, 0);
    }
  }
  // The page names this script with defer: it runs before the load event.
  addEventListener("load", idle, { once: true });
})();
