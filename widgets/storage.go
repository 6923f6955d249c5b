package widgets

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Web storage can be missing or throw on any access (site data blocked,
// sandboxed or third-party iframes, private modes, full quotas). These
// helpers turn every such failure into a false instead of a panic, so a
// checklist works for the visit and says it cannot remember.

// storageObject reads window[name]. It goes through Reflect.get with Call
// because a getter that throws is then a Go panic that can be recovered,
// where a plain Get would abort the whole program.
func storageObject(name string) (s app.Value, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = nil, false
		}
	}()
	s = app.Window().Get("Reflect").Call("get", app.Window(), name)
	return s, s.Truthy()
}

// GuardStorage keeps the app running where the browser refuses web
// storage. go-app reads localStorage as it starts, and a read that throws
// stops the app; so in its place goes a store that holds nothing and has
// no setItem, which makes every attempt to keep an answer fail softly and
// the checklist say that answers won't be remembered. Call it before
// app.RunWhenOnBrowser.
func GuardStorage() {
	if !app.IsClient {
		return
	}
	for _, name := range []string{"localStorage", "sessionStorage"} {
		if _, ok := storageObject(name); ok {
			continue
		}
		empty := app.Window().Get("Object").New()
		empty.Set("length", 0)
		nothing := app.FuncOf(func(app.Value, []app.Value) any { return nil })
		for _, m := range []string{"key", "getItem", "removeItem", "clear"} {
			empty.Set(m, nothing)
		}
		desc := app.Window().Get("Object").New()
		desc.Set("value", empty)
		desc.Set("configurable", true)
		func() {
			defer func() { recover() }()
			app.Window().Get("Object").Call("defineProperty", app.Window(), name, desc)
		}()
	}
}

// storageGet reads key; ok is false if storage cannot be used at all. A
// missing key gives "" and true.
func storageGet(key string) (v string, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = "", false
		}
	}()
	s, ok := storageObject("localStorage")
	if !ok {
		return "", false
	}
	item := s.Call("getItem", key)
	if item.IsNull() || item.IsUndefined() {
		return "", true
	}
	return item.String(), true
}

// storageSet writes key; false means the value was not kept.
func storageSet(key, value string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	s, ok := storageObject("localStorage")
	if !ok {
		return false
	}
	s.Call("setItem", key, value)
	return true
}

// storageDel removes key, if storage can be used at all.
func storageDel(key string) {
	defer func() { recover() }()
	if s, ok := storageObject("localStorage"); ok {
		s.Call("removeItem", key)
	}
}
