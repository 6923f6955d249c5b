package main

import (
	"os"
	"strings"
	"testing"
)

// A base revision from before ECharts was bundled builds with the
// prebuilt file its Makefile names; today's takes the package folder.
func TestEChartsArgumentFollowsTheBaseMakefile(t *testing.T) {
	old := "GO ?= go\nECHARTS := .cache/echarts/node_modules/echarts/dist/echarts.min.js\n"
	if file, ok := echartsFile(old); !ok || file != "dist/echarts.min.js" {
		t.Errorf("older Makefile: got %q, %v; want dist/echarts.min.js", file, ok)
	}
	mk, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if file, ok := echartsFile(string(mk)); ok {
		t.Errorf("this tree's Makefile names the package folder, but got file %q", file)
	}
}

// The slow profile's check fails a run in which a worker request beat
// the round trip, which an unthrottled worker does.
func TestWorkerThrottleCheck(t *testing.T) {
	slow := profiles[0]
	if _, st := throttled(slow, stat{Min: 15, Max: 170, N: 3}, stat{}); !strings.HasPrefix(st, "NOT met") {
		t.Errorf("a 15 ms request under a %v ms round trip: status %q, want NOT met", slow.Latency, st)
	}
	if _, st := throttled(slow, stat{Min: slow.Latency + 5, Max: 400, N: 3}, stat{}); st != "met" {
		t.Errorf("every request slower than the round trip: status %q, want met", st)
	}
}

// With a base, the table shows base and current side by side; a row the
// base cannot fill (no main mark) says so instead of showing 0, and
// TimelineJS's cell in a Waymark-only row says it does not apply.
func TestTableWithBase(t *testing.T) {
	res := results{Base: "HEAD~1 (abc)", Runs: 1}
	for _, p := range profiles {
		res.Raw = append(res.Raw,
			run{Contender: nameBase, Profile: p.Name, RunToApp: 900, Instantiate: 300},
			run{Contender: nameWaymark, Profile: p.Name, RunToApp: 450, Instantiate: 300, Init: 100, Render: 350},
			run{Contender: nameTimeline, Profile: p.Name},
		)
	}
	res.summarize()
	md := res.markdown()
	if !strings.Contains(md, "| Profile | Metric | Waymark base | Waymark | Waymark/base | TimelineJS |") {
		t.Fatalf("no base column in the table:\n%s", md)
	}
	lineOf := func(metric string) string {
		for _, l := range strings.Split(md, "\n") {
			if strings.HasPrefix(l, "| "+profiles[0].Name+" | "+metric) {
				return l
			}
		}
		t.Fatalf("no row %q in:\n%s", metric, md)
		return ""
	}
	if l := lineOf("Take-over: Go init"); !strings.Contains(l, "| no data | 100 ms") || !strings.Contains(l, "| n/a |") {
		t.Errorf("Go init row: %s", l)
	}
	if l := lineOf("Take-over: go.run → .wm-app"); !strings.Contains(l, "| 0.50× |") {
		t.Errorf("ratio to base: %s", l)
	}
}
