//go:build browser

package widgets_test

import (
	"fmt"
	"strings"
	"testing"

	"waymark/data"
	"waymark/widgets"
)

// leftOutMatches loads the whole stylesheet beside the page's own, for no
// media, so it applies to nothing, and lists each rule of the whole that
// the page's own lacks and that could match an element of the page: its
// selector without pseudo-classes, pseudo-elements and attribute tests
// (what a state, a later tap or a print turns on), so that a rule for a
// state the page is not in now still counts.
const leftOutMatches = `new Promise((ok, fail) => {
  const own = document.querySelector('link[rel="stylesheet"]');
  const l = document.createElement("link");
  l.rel = "stylesheet";
  l.media = "not all";
  l.href = %q;
  l.onerror = () => fail(new Error("the whole stylesheet did not load"));
  l.onload = () => {
    const rules = (list, where, out) => {
      for (const r of list) {
        if (r.selectorText !== undefined) out.push(where + r.selectorText + "{" + r.style.cssText + "}");
        else if (r.cssRules) rules(r.cssRules, where + (r.conditionText || r.media?.mediaText || "") + " ", out);
      }
      return out;
    };
    const kept = new Set(rules(own.sheet.cssRules, "", []));
    const found = [];
    const walk = (list) => {
      for (const r of list) {
        if (r.cssRules && r.selectorText === undefined) { walk(r.cssRules); continue; }
        if (r.selectorText === undefined) continue;
        for (const sel of r.selectorText.split(/,(?![^(]*\))/)) {
          let broad = sel.replace(/\[[^\]]*\]/g, ""), was;
          do { was = broad; broad = broad.replace(/::?[a-z-]+\([^()]*\)/g, ""); } while (broad !== was);
          broad = broad.replace(/::?[a-z-]+/g, "").trim();
          if (broad === "") continue;
          if (/[>+~]$/.test(broad)) broad += " *";
          let n = 0;
          try { n = document.querySelectorAll(broad).length; } catch (e) { found.push(sel + " (unreadable as " + broad + ")"); continue; }
          if (n > 0) found.push(sel.trim() + " (" + n + ")");
        }
      }
    };
    const missing = rules(l.sheet.cssRules, "", []).filter((r) => !kept.has(r));
    const left = new Set(missing);
    const pick = (list, where, out) => {
      for (const r of list) {
        if (r.selectorText !== undefined) { if (left.has(where + r.selectorText + "{" + r.style.cssText + "}")) out.push(r); }
        else if (r.cssRules) pick(r.cssRules, where + (r.conditionText || r.media?.mediaText || "") + " ", out);
      }
      return out;
    };
    walk(pick(l.sheet.cssRules, "", []));
    l.remove();
    ok(found);
  };
  own.after(l);
})`

// Each kind's pages link only the rules they use (build/styles.go); a rule
// marked for the wrong pages would take its style off a page without a
// word. No rule the whole stylesheet has and a page's own lacks may match
// anything on that page, before the app and after the reader's first
// steps in it.
func TestEveryPageKeepsEveryRuleItUses(t *testing.T) {
	t.Parallel()
	s := served(t)
	res := s.result(t)
	whole := res.Assets["waymark.css"]
	for _, p := range widgets.Pages(s.contents) {
		if p.Kind == nil || !(p.Lang == data.Base || s.contents[p.Lang].UI.Dir == "rtl") {
			continue
		}
		for _, app := range []bool{false, true} {
			// The app in English: a right-to-left page has the same
			// elements, which its page without the app shows.
			if app && p.Lang != data.Base {
				continue
			}
			name := strings.ReplaceAll(strings.Trim(strings.TrimPrefix(p.Path, "/w/"), "/"), "/", "-")
			if app {
				name += " app"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				u := s.origin + p.Path
				tb := open(t, u, tabOptions{blockWasm: !app})
				if app {
					waitApp(tb)
					if kc, ok := kindChecks[p.Kind.Name]; ok && kc.live != nil && p.Widget() {
						kc.live(tb)
					}
				}
				settle(tb)
				if own := eval[string](tb, `document.querySelector('link[rel="stylesheet"]').getAttribute("href")`); own == whole {
					t.Fatalf("%s links the whole stylesheet, not its own", u)
				}
				if found := eval[[]string](tb, fmt.Sprintf(leftOutMatches, whole)); len(found) > 0 {
					t.Errorf("%s: its stylesheet lacks rules for what it shows: %s", u, strings.Join(found, "; "))
				}
			})
		}
	}
}
