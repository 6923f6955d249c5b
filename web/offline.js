// Waymark offline keeper: on a widget opened on its own, asks the service
// worker to keep every widget page of the page's language, with what those
// pages load, and marks the page once it has, so a reader sees that the
// widgets will open without a network (an educator's room with bad
// Wi-Fi). An embedded widget asks for nothing: its reader came for one
// article, not for every widget's bytes; nor does a reader who asked the
// browser to save data.
(function () {
  "use strict";
  var sw;
  try {
    // A sandboxed frame or blocked site data makes this throw.
    sw = navigator.serviceWorker;
  } catch (e) {
    return;
  }
  var conn = navigator.connection;
  if (!sw || window.parent !== window || (conn && conn.saveData)) {
    return;
  }
  var root = document.documentElement;
  var lang = root.lang;
  sw.addEventListener("message", function (event) {
    var m = event.data;
    if (m && m.type === "waymark:kept" && m.lang === lang) {
      root.setAttribute("data-offline", "");
    }
  });
  sw.ready.then(function (registration) {
    if (registration.active) {
      registration.active.postMessage({ type: "waymark:keep", lang: lang });
    }
  });
})();
