// Waymark embed loader: turns each <div data-waymark="journey" data-lang="en">
// on the host page into a lazy iframe of that widget, with the options its
// data- attributes choose, and keeps every iframe of the widget origin on
// the page as tall as the widget's content: its own, and those an editor
// pasted as a plain iframe or an oEmbed consumer wrote. It trusts a
// message only if it comes from the widget origin, from an iframe of this
// page, in the expected shape.
(function () {
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
  // The build puts here each widget's languages and the heights it has at
  // load on a phone and in a 720 px column: {"journey": [["en"], 2700, 1900], ...}.
  var KNOWN = WAYMARK_WIDGETS;
  // ... and the options a widget's address carries: [name, "?" for the
  // query or "#" for the fragment, pattern].
  var OPTIONS = WAYMARK_OPTIONS;

  function attr(el, name) {
    return E.getAttribute.call(el, "data-" + name);
  }

  function mount(el) {
    // A second copy of the loader on the page leaves mounted ones alone.
    if (E.querySelector.call(el, "iframe,[data-waymark-note]")) {
      return;
    }
    var widget = attr(el, "waymark") || "";
    if (!{}.hasOwnProperty.call(KNOWN, widget)) {
      tell(el, 'no widget "' + widget + '". Widgets: ' + Object.keys(KNOWN).join(", "));
      return;
    }
    var known = KNOWN[widget];
    var lang = attr(el, "lang") || "en";
    var query = "";
    if (known[0].indexOf(lang) < 0) {
      // A wrong language still shows the widget, in English and saying
      // so, rather than leave a blank space in the article.
      tell(el, widget + ' has no language "' + lang + '"; it shows in English. Languages: ' + known[0].join(", "));
      query = "?missing=" + encodeURIComponent(lang);
      lang = "en";
    }
    var fragment = "";
    for (var i = 0; i < OPTIONS.length; i++) {
      var o = OPTIONS[i];
      var v = attr(el, o[0]);
      if (!v) {
        continue;
      }
      if (!o[2].test(v)) {
        tell(el, "data-" + o[0] + '="' + v + '" is not valid; left out');
      } else if (o[1] === "#") {
        fragment = "#" + v;
      } else {
        query += (query ? "&" : "?") + o[0] + "=" + v;
      }
    }
    var frame = D.createElement.call(document, "iframe");
    frame.src = origin + "/w/" + widget + "/" + lang + "/" + query + fragment;
    // Copying a summary or a link from inside the widget needs the host's
    // leave; without it the widget shows the text to copy by hand.
    frame.allow = "clipboard-write";
    frame.title = attr(el, "title") || "Waymark " + widget;
    frame.loading = "lazy";
    // The reserved height keeps the host page from moving while the widget
    // loads: the widget's own height, a phone's or a column's, unless the
    // code says.
    var reserved = parseInt(attr(el, "height"), 10) || known[el.clientWidth < 540 ? 1 : 2];
    frame.style.cssText = "display:block;width:100%;border:0;height:" + clamp(reserved) + "px";
    N.appendChild.call(el, frame);
  }

  // tell says what is wrong with an embed code in the host page's console
  // and, small, where the widget would be, so an editor previewing the
  // article sees it. The text goes in as text: its parts come from markup.
  function tell(el, text) {
    text = "Waymark: " + text + ".";
    console.error(text);
    var note = D.createElement.call(document, "p");
    note.setAttribute("data-waymark-note", "");
    note.style.cssText = "border-left:3px solid #b02;padding-left:.5em";
    note.textContent = text;
    N.appendChild.call(el, note);
  }

  // A frame is never shorter than 150 px nor taller than 30,000 px.
  function clamp(h) {
    return Math.min(3e4, Math.max(150, Math.ceil(h)));
  }

  // On EventTarget.prototype too: window's named properties (an element
  // with id="addEventListener") come before it in window's prototype chain.
  EventTarget.prototype.addEventListener.call(window, "message", function (event) {
    var msg;
    try {
      msg = event.origin === origin && typeof event.data === "string" && event.data.length < 100 && JSON.parse(event.data);
    } catch (e) {}
    var h = msg && msg.type === "waymark:height" && msg.height;
    if (typeof h !== "number" || !(h > 0 && h < 1 / 0)) {
      return;
    }
    // Whichever iframe of the page holds the sender: the loader's own, or
    // one pasted as a plain iframe or written by an oEmbed consumer.
    var frames = D.getElementsByTagName.call(document, "iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = clamp(h) + "px";
      }
    }
  });

  var els = D.querySelectorAll.call(document, "[data-waymark]");
  for (var i = 0; i < els.length; i++) {
    mount(els[i]);
  }
})();
