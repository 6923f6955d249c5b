// Waymark embed loader: turns each <div data-waymark="journey" data-lang="en">
// on the host page into a lazy iframe of that widget, and keeps the iframe
// as tall as the widget's content. It trusts a message only if it comes
// from one of its own iframes, from the widget origin, in the expected shape.
(function () {
  "use strict";
  // A host page's named elements shadow document's own properties (an
  // <img name="currentScript" src="https://elsewhere/"> would become
  // document.currentScript), so every document call goes through
  // Document.prototype, which markup cannot change.
  var D = Document.prototype;
  var script = Object.getOwnPropertyDescriptor(D, "currentScript").get.call(document);
  if (!(script instanceof HTMLScriptElement)) {
    return;
  }
  var origin = new URL(script.src).origin;
  var MIN = 150;
  var MAX = 30000;
  var frames = [];

  function mount(el) {
    var widget = el.getAttribute("data-waymark") || "";
    var lang = el.getAttribute("data-lang") || "en";
    if (el.querySelector("iframe") || !/^[a-z]+$/.test(widget) || !/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(lang)) {
      return;
    }
    var stage = el.getAttribute("data-stage");
    var frame = D.createElement.call(document, "iframe");
    frame.src = origin + "/w/" + widget + "/" + lang + "/" + (stage ? "#" + encodeURIComponent(stage) : "");
    frame.title = el.getAttribute("data-title") || "Waymark " + widget;
    frame.loading = "lazy";
    // The reserved height keeps the host page from jumping while the widget
    // loads; editors can set it close to the widget's real height.
    var reserved = parseInt(el.getAttribute("data-height"), 10);
    frame.style.cssText = "display:block;width:100%;border:0;height:" + clamp(reserved > 0 ? reserved : 900) + "px";
    el.appendChild(frame);
    frames.push(frame);
  }

  function clamp(h) {
    return Math.min(MAX, Math.max(MIN, Math.ceil(h)));
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || typeof event.data !== "string" || event.data.length > 100) {
      return;
    }
    var msg;
    try {
      msg = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!msg || msg.type !== "waymark:height" || typeof msg.height !== "number" || !isFinite(msg.height) || msg.height <= 0) {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = clamp(msg.height) + "px";
      }
    }
  });

  var els = D.querySelectorAll.call(document, "[data-waymark]");
  for (var i = 0; i < els.length; i++) {
    mount(els[i]);
  }
})();
