// Waymark's service worker. A page and every address that keeps its name
// from one build to the next (the pages, the loader, the manifest) comes
// from the network while there is one, so a correction is on screen at the
// next load; the cache answers only offline. A fingerprinted file changes
// its name when its bytes change, so it can come from the cache first:
// a page can only ask for the files built with it.
"use strict";
const version = "WAYMARK_VERSION";
const cacheName = "waymark-" + version;
const precache = WAYMARK_PRECACHE;
// What a language keeps for offline use, by language: every widget page
// and sources page in it, the index, the charts' options and ECharts.
const languages = WAYMARK_LANGUAGES;
const fingerprinted = /^\/web\/[^/]+\.[0-9a-f]{12}\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(precache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(fingerprinted.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});

// A widget page opened on its own asks (web/offline.js) for its language
// to be kept; the answer says when every page of it would open offline.
self.addEventListener("message", (event) => {
  const m = event.data;
  if (!m || m.type !== "waymark:keep" || typeof m.lang !== "string" || !Object.prototype.hasOwnProperty.call(languages, m.lang)) {
    return;
  }
  const client = event.source;
  event.waitUntil(keep(m.lang).then(() => client && client.postMessage({ type: "waymark:kept", lang: m.lang })));
});

// keep fetches what the language needs that the cache lacks: a page the
// reader has already opened stays as the network last gave it.
async function keep(lang) {
  const cache = await caches.open(cacheName);
  const missing = [];
  for (const p of languages[lang]) {
    if (!(await cache.match(p))) {
      missing.push(p);
    }
  }
  await cache.addAll(missing);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached || fetchAndKeep(request);
}

async function networkFirst(request) {
  try {
    return await fetchAndKeep(request);
  } catch (err) {
    // A page opened with options in its address (?stage=at, ?theme=dark)
    // is kept without them; options.js reads them from the address.
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) {
      return cached;
    }
    throw err;
  }
}

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}
