// Waymark page options: runs in a widget's <head>, before the first paint,
// and applies what the widget's address asks for (widgets.Options), so an
// embedded widget never shows in the wrong colours first. Without
// JavaScript the stylesheet follows the reader's system and shows
// everything.
(function () {
  "use strict";
  var root = document.documentElement;
  var q = new URLSearchParams(location.search);
  // Scripts run: the stylesheet may shorten what a script can lengthen.
  root.setAttribute("data-js", "");

  var framed = window.parent !== window;
  if (framed) {
    // Embedded: what only a widget opened on its own shows (the offline
    // line) takes no room.
    root.setAttribute("data-framed", "");
  }

  // Light unless asked, embedded in an article, whose colours the widget
  // cannot see; a widget opened on its own follows the reader's system
  // unless the address says otherwise.
  var theme = q.get("theme");
  if (!/^(light|dark|auto)$/.test(theme)) {
    theme = framed ? "light" : "auto";
  }
  if (theme !== "auto") {
    root.setAttribute("data-theme", theme);
  }

  if (q.get("header") === "hide") {
    root.setAttribute("data-header", "hide");
  }
  if (q.get("sources") === "hide") {
    root.setAttribute("data-sources", "hide");
  }

  // An accent colour from the embed code, moved towards the ink of each
  // scheme until text in it and on it keeps 4.5:1 against the page.
  var accent = q.get("accent");
  if (/^[0-9a-fA-F]{6}$/.test(accent)) {
    var rgb = [0, 2, 4].map(function (i) { return parseInt(accent.substr(i, 2), 16); });
    var light = readable(rgb, [255, 255, 255], [0, 0, 0]);
    var dark = readable(rgb, [21, 23, 27], [255, 255, 255]);
    var s = root.style;
    s.setProperty("--wm-accent", "light-dark(" + css(light) + "," + css(dark) + ")");
    s.setProperty("--wm-accent-fg", "light-dark(" + css(on(light)) + "," + css(on(dark)) + ")");
  }

  function luminance(c) {
    var l = c.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }

  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  // readable mixes c towards ink, a twentieth at a time, until it reads
  // on bg.
  function readable(c, bg, ink) {
    for (var t = 0; t <= 1; t += 0.05) {
      var m = c.map(function (v, i) { return Math.round(v + (ink[i] - v) * t); });
      if (contrast(m, bg) >= 4.5) {
        return m;
      }
    }
    return ink;
  }

  // on is the text colour on c: white or near-black, whichever reads.
  function on(c) {
    return contrast(c, [255, 255, 255]) >= contrast(c, [16, 20, 27]) ? [255, 255, 255] : [16, 20, 27];
  }

  function css(c) {
    return "rgb(" + c.join(" ") + ")";
  }

  // An address for a language the widget lacks lands on the 404 page,
  // which names the widgets it has (data-kinds); scripts send it on to
  // the English version, which says what happened (widgets.missingNote).
  var tag = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
  var kinds = root.getAttribute("data-kinds");
  var m = /^\/w\/([a-z]+)\/([^\/]+)\/(.*)$/.exec(location.pathname);
  if (kinds && m && kinds.split(" ").indexOf(m[1]) >= 0 && m[2] !== "en") {
    var lang = m[2];
    try {
      lang = decodeURIComponent(lang);
    } catch (e) {}
    if (tag.test(lang) && lang.length <= 20) {
      q.set("missing", lang);
      location.replace("/w/" + m[1] + "/en/" + m[3] + "?" + q + location.hash);
      return;
    }
  }
  if (kinds) {
    // The address is left out: anyone can write it.
    console.error("Waymark: no such widget or language at this address. Widgets: " +
      kinds.split(" ").join(", ") + "; languages: " + root.getAttribute("data-langs").split(" ").join(", ") + ".");
  }
  var asked = q.get("missing");
  if (!kinds && asked && tag.test(asked) && asked.length <= 20 && root.lang === "en") {
    document.addEventListener("DOMContentLoaded", function () {
      var p = document.querySelector(".wm-lang-missing[data-text]");
      if (p) {
        p.textContent = p.getAttribute("data-text").replace("{lang}", asked);
      }
    });
  }

  // A link to the widget in another language opens it where the reader
  // stands: the open stage, list or term, the answers of a share link.
  // The browser loads it as a page of its own, kept from the app's router
  // (which would swap the widget but not the page's lang and dir).
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-keep]");
    if (a) {
      if (location.hash) {
        a.hash = location.hash;
      }
      e.stopPropagation();
    }
  }, true);

  // The skip link moves focus to where the content begins as the page
  // shows it now (the open stage, the first term the filter leaves),
  // before the app takes over and after. Following its fragment instead
  // would change the stage or list the fragment names, and the app's
  // router would take it for one.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.wm-skip");
    if (!a) {
      return;
    }
    var to = [].filter.call(document.querySelectorAll(".wm-skip-to"), function (el) {
      return el.getClientRects().length > 0;
    })[0];
    if (to) {
      e.preventDefault();
      e.stopPropagation();
      to.focus();
    }
  }, true);

  // Before the app takes over, the button under a shortened introduction
  // works as the app's will (see introText).
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest(".wm-intro-more");
    if (b && !b.closest(".wm-app")) {
      var open = b.getAttribute("aria-expanded") !== "true";
      b.setAttribute("aria-expanded", open);
      document.getElementById("wm-intro-text").classList.toggle("wm-clamp", !open);
      b.textContent = b.getAttribute(open ? "data-less" : "data-more");
    }
  });
})();
