// Injected into every frame before the page's own scripts (DevTools
// Page.addScriptToEvaluateOnNewDocument). It watches the page the way a
// reader would, records times as epoch milliseconds, and keeps the wasm
// instance's memory so the bench can read its size. STAGES is set by the
// bench before this source.
(() => {
  if (window.__wb) return;
  const wb = window.__wb = {first: 0, clicked: 0, clicks: 0, next: 0, app: 0, lat: [], settled: 0, events: {}, mem: null, kind: "", instStart: 0, instEnd: 0};
  const now = () => performance.timeOrigin + performance.now();

  // go-app instantiates its wasm with WebAssembly.instantiateStreaming; keep
  // the exported memory (Go's linear memory) when it does, and when it was
  // called and resolved: go.run follows at once.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = function (...args) {
      const t0 = now();
      return orig.apply(this, args).then(r => {
        const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
        if (inst) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) wb.mem = v;
        if (inst && !wb.instEnd) { wb.instStart = t0; wb.instEnd = now(); }
        return r;
      });
    };
  }
  wb.wasmBytes = () => wb.mem ? wb.mem.buffer.byteLength : 0;

  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        if (!e.interactionId) continue;
        wb.events[e.interactionId] = Math.max(wb.events[e.interactionId] || 0, e.duration);
      }
    }).observe({type: "event", durationThreshold: 16, buffered: true});
  } catch (e) {}

  // Long tasks (50 ms or more) of the main thread, and when the document
  // finished loading: what of the work happens while the page loads.
  wb.long = [];
  wb.loaded = 0;
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) wb.long.push({s: performance.timeOrigin + e.startTime, d: e.duration});
    }).observe({type: "longtask", buffered: true});
  } catch (e) {}
  addEventListener("load", () => { wb.loaded = now(); });

  const path = location.pathname;
  const kind = path.startsWith("/w/journey/") ? "waymark" : path.startsWith("/timeline/") ? "timeline" : "";
  wb.kind = kind;
  if (!kind) return;

  const shown = el => !!el && el.getClientRects().length > 0 && el.offsetHeight > 0 && getComputedStyle(el).visibility !== "hidden";
  // centred reports whether el's centre lies inside box: TimelineJS keeps
  // every slide in the DOM and slides the one in view into its frame.
  const centred = (el, box) => {
    if (!el || !box) return false;
    const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    return r.width > 0 && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
  };

  let stageShown, control, marker;
  if (kind === "waymark") {
    const section = id => document.getElementById("wm-a-" + id) || document.getElementById(id);
    stageShown = i => { const s = section(STAGES[i]); return shown(s) && s.textContent.trim().length > 0; };
    control = (what, i) => document.getElementById("wm-tab-" + STAGES[i]);
    marker = () => STAGES.filter((_, i) => stageShown(i)).join(",");
  } else {
    const box = () => document.querySelector(".tl-storyslider");
    stageShown = i => centred(document.querySelector("#tl-" + STAGES[i] + " .tl-headline"), box());
    control = what => document.querySelector(what === "prev" ? ".tl-slidenav-previous" : ".tl-slidenav-next");
    // Any visible response counts: the strip starting to move (by any
    // fraction of a pixel) or the time axis marking another slide.
    marker = () => {
      const s = document.querySelector(".tl-slider-container"), a = document.querySelector(".tl-timemarker-active");
      return (s ? s.getBoundingClientRect().left.toFixed(2) : "") + "|" + (a ? a.id : "");
    };
  }
  wb.stageShown = stageShown;
  wb.current = () => STAGES.findIndex((_, i) => stageShown(i));

  // Phase 1: the first stage is visible, then the control to the next stage
  // is clicked (element.click(), as soon as it exists) until the next
  // stage is seen.
  let lastClick = 0;
  const tick = () => {
    if (kind === "waymark" && !wb.app && document.querySelector(".wm-app")) wb.app = now();
    if (!wb.first && stageShown(0)) wb.first = now();
    if (wb.first && !wb.next) {
      if (stageShown(1) && wb.clicks > 0) {
        wb.next = now();
      } else if (!wb.clicks || now() - lastClick > 1500) {
        const c = control("next", 1);
        if (c) { c.click(); wb.clicks++; lastClick = now(); if (!wb.clicked) wb.clicked = lastClick; }
      }
    }
  };
  const obs = new MutationObserver(tick);
  obs.observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["class", "style", "hidden"]});
  addEventListener("hashchange", tick);
  const loop = () => { tick(); if (!wb.next || (kind === "waymark" && !wb.app)) { requestAnimationFrame(loop); setTimeout(tick, 25); } else obs.disconnect(); };
  loop();

  // Phase 2: trusted clicks sent by the bench. Latency is from the click
  // event's timestamp to the first animation frame in which the page shows
  // the change; then the page is left to settle (5 unchanged frames).
  addEventListener("click", e => {
    if (!e.isTrusted) return;
    const t0 = e.timeStamp, m0 = marker();
    const watch = () => {
      if (marker() !== m0) {
        wb.lat.push(performance.now() - t0);
        let last = marker(), same = 0;
        const settle = () => {
          const m = marker();
          if (m === last) same++; else { same = 0; last = m; }
          if (same >= 5) wb.settled++; else requestAnimationFrame(settle);
        };
        requestAnimationFrame(settle);
      } else if (performance.now() - t0 > 10000) {
        wb.lat.push(-1); wb.settled++;
      } else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }, true);

  // rect gives the centre of a control in this frame's viewport.
  wb.rect = (what, i) => {
    const c = control(what, i);
    if (!c) return null;
    const r = c.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2};
  };
})();
