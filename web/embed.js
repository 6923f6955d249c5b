// Waymark embed loader: turns each <div data-waymark="journey" data-lang="en">
// on the host page into a lazy iframe of that widget, with the options its
// data- attributes choose, and keeps every iframe of the widget origin on
// the page as tall as the widget's content: its own, and those an editor
// pasted as a plain iframe or an oEmbed consumer wrote. It trusts a
// message only if it comes from the widget origin, from an iframe of this
// page, in the expected shape.
//
// Every reader of a host article downloads it, whether or not they scroll
// to the widget, so it keeps within 1 KB brotli (a test of build/ holds it
// there): hence the shared helpers, the arrow functions and the data the
// build writes once rather than per widget.
(function () {
  // A host page's named elements shadow document's own properties (an
  // <img name="currentScript" src="https://elsewhere/"> would become
  // document.currentScript), so every document call goes through
  // Document.prototype, which markup cannot change.
  var D = Document.prototype;
  // A <form data-waymark> would let its fields shadow its own methods too.
  var E = Element.prototype;
  // Null when the loader is not a classic script, which has no address to
  // take the widget origin from.
  var script = Object.getOwnPropertyDescriptor(D, "currentScript").get.call(document);
  if (!script) {
    return;
  }
  var origin = new URL(script.src).origin;
  // The build puts here the languages, which every widget has ...
  var LANGS = WAYMARK_LANGUAGES;
  // ... each widget's heights at load on a phone and in a 720 px column:
  // {"journey": [2700, 1900], ...} ...
  var KNOWN = WAYMARK_WIDGETS;
  // ... and the options a widget's address carries: [name, pattern], and
  // a third item, 1, for the one that goes in the fragment rather than
  // the query.
  var OPTIONS = WAYMARK_OPTIONS;

  var attr = (el, name) => E.getAttribute.call(el, "data-" + name);

  // add puts a new element with the properties given at the end of el.
  // They are set before it is on the page, where an iframe with a src
  // starts loading as it then is.
  var add = (el, tag, props) => {
    var x = Object.assign(D.createElement.call(document, tag), props);
    E.append.call(el, x);
    return x;
  };

  var each = (selector, f) => {
    for (var x of D.querySelectorAll.call(document, selector)) {
      f(x);
    }
  };

  // A frame is never shorter than 150 px nor taller than 30,000 px.
  var px = (h) => Math.min(3e4, Math.max(150, Math.ceil(h))) + "px";

  // tell says what is wrong with an embed code in the host page's console
  // and, small, where the widget would be, so an editor previewing the
  // article sees it. The text goes in as text: its parts come from markup.
  var tell = (el, text) => {
    text = "Waymark: " + text + ".";
    console.error(text);
    add(el, "p", {style: "border-left:3px solid #b02;padding-left:.5em", textContent: text}).setAttribute("data-waymark-note", "");
  };

  var mount = (el) => {
    // A second copy of the loader on the page leaves mounted ones alone.
    if (E.querySelector.call(el, "iframe,[data-waymark-note]")) {
      return;
    }
    var widget = attr(el, "waymark") || "";
    var lang = attr(el, "lang") || "en";
    var query = "";
    var fragment = "";
    // A list, not KNOWN's own properties, which "constructor" would pass.
    var widgets = Object.keys(KNOWN);
    if (widgets.indexOf(widget) < 0) {
      return tell(el, 'no widget "' + widget + '". Widgets: ' + widgets.join(", "));
    }
    if (LANGS.indexOf(lang) < 0) {
      // A wrong language still shows the widget, in English and saying
      // so, rather than leave a blank space in the article.
      tell(el, widget + ' has no language "' + lang + '"; it shows in English. Languages: ' + LANGS.join(", "));
      query = "?missing=" + encodeURIComponent(lang);
      lang = "en";
    }
    for (var o of OPTIONS) {
      var v = attr(el, o[0]);
      if (!v) {
      } else if (!o[1].test(v)) {
        tell(el, "data-" + o[0] + '="' + v + '" is not valid; left out');
      } else if (o[2]) {
        fragment = "#" + v;
      } else {
        query += (query ? "&" : "?") + o[0] + "=" + v;
      }
    }
    // The reserved height keeps the host page from moving while the widget
    // loads: the widget's own height, a phone's or a column's, unless the
    // code says.
    var reserved = parseInt(attr(el, "height"), 10) || KNOWN[widget][el.clientWidth < 540 ? 0 : 1];
    add(el, "iframe", {
      style: "display:block;width:100%;border:0;height:" + px(reserved),
      // Copying a summary or a link from inside the widget needs the
      // host's leave; without it the widget shows the text to copy by hand.
      allow: "clipboard-write",
      title: attr(el, "title") || "Waymark " + widget,
      loading: "lazy",
      src: origin + "/w/" + widget + "/" + lang + "/" + query + fragment,
    });
  };

  // On EventTarget.prototype too: window's named properties (an element
  // with id="addEventListener") come before it in window's prototype chain.
  EventTarget.prototype.addEventListener.call(window, "message", (event) => {
    var msg;
    try {
      msg = event.origin === origin && typeof event.data === "string" && event.data.length < 100 && JSON.parse(event.data);
    } catch (e) {}
    var h = msg && msg.type === "waymark:height" && msg.height;
    if (Number.isFinite(h) && h > 0) {
      // Whichever iframe of the page holds the sender: the loader's own,
      // or one pasted as a plain iframe or written by an oEmbed consumer.
      each("iframe", (frame) => {
        if (frame.contentWindow === event.source) {
          frame.style.height = px(h);
        }
      });
    }
  });

  each("[data-waymark]", mount);
})();
