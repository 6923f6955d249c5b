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
  // A <form data-waymark> would let its fields shadow its own methods too.
  var E = Element.prototype;
  var N = Node.prototype;
  var script = Object.getOwnPropertyDescriptor(D, "currentScript").get.call(document);
  if (!(script instanceof HTMLScriptElement)) {
    return;
  }
  var origin = new URL(script.src).origin;
  // The build puts here each widget's languages: {"journey": ["en"], ...}.
  var KNOWN = WAYMARK_WIDGETS;
  var MIN = 150;
  var MAX = 30000;
  var frames = [];

  function mount(el) {
    // A second copy of the loader on the page leaves mounted ones alone.
    if (E.querySelector.call(el, "iframe,[data-waymark-note]")) {
      return;
    }
    var widget = E.getAttribute.call(el, "data-waymark") || "";
    if (!own(KNOWN, widget)) {
      tell(el, 'Waymark: there is no widget "' + widget + '". The widgets are: ' + Object.keys(KNOWN).join(", ") + ".");
      return;
    }
    var lang = E.getAttribute.call(el, "data-lang") || "en";
    if (KNOWN[widget].indexOf(lang) < 0) {
      // A wrong language still shows the widget, in English, rather than
      // leave a blank space in the article.
      tell(el, 'Waymark: the ' + widget + ' widget has no language "' + lang + '", so it shows in English. Its languages are: ' + KNOWN[widget].join(", ") + ".");
      lang = "en";
    }
    var stage = E.getAttribute.call(el, "data-stage");
    // Light unless the code asks: the widget cannot see the article's colours.
    var theme = E.getAttribute.call(el, "data-theme");
    var query = theme === "dark" || theme === "auto" ? "?theme=" + theme : "";
    var frame = D.createElement.call(document, "iframe");
    frame.src = origin + "/w/" + widget + "/" + lang + "/" + query + (stage ? "#" + encodeURIComponent(stage) : "");
    // Copying a summary or a link from inside the widget needs the host's
    // leave; without it the widget shows the text to copy by hand.
    frame.allow = "clipboard-write";
    frame.title = E.getAttribute.call(el, "data-title") || "Waymark " + widget;
    frame.loading = "lazy";
    // The reserved height keeps the host page from jumping while the widget
    // loads; editors can set it close to the widget's real height.
    var reserved = parseInt(E.getAttribute.call(el, "data-height"), 10);
    frame.style.cssText = "display:block;width:100%;border:0;height:" + clamp(reserved > 0 ? reserved : 900) + "px";
    N.appendChild.call(el, frame);
    frames.push(frame);
  }

  function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  // tell says what is wrong with an embed code in the host page's console
  // and, small, where the widget would be, so an editor previewing the
  // article sees it. The text goes in as text: its parts come from markup.
  function tell(el, text) {
    console.error(text);
    var note = D.createElement.call(document, "p");
    note.setAttribute("role", "note");
    note.setAttribute("data-waymark-note", "");
    note.style.cssText = "font:0.875rem/1.4 system-ui,sans-serif;margin:0.5em 0;padding:0.5em;border-left:3px solid #b00020;color:inherit";
    note.textContent = text;
    N.appendChild.call(el, note);
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
