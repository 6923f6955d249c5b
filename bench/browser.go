package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"waymark/chromium"
)

//go:embed probe.js
var probeJS string

// profile is a network and CPU condition applied through DevTools.
type profile struct {
	Name     string
	Throttle bool
	Latency  float64 // ms round trip
	Down, Up float64 // bytes per second
	CPU      float64 // slowdown factor
}

var profiles = []profile{
	{Name: "slow mobile", Throttle: true, Latency: 150, Down: 1.6e6 / 8, Up: 750e3 / 8, CPU: 4},
	{Name: "unthrottled", CPU: 1},
}

// contender is one of the two pages compared.
type contender struct {
	Name  string
	URL   string // page to open
	Frame string // address prefix of the frame that holds the journey; "" for the page itself
}

// startBrowser starts one headless Chromium for the whole bench; every run
// gets a fresh browser context (a cold cache, no storage, no service
// worker). Site isolation is off so the widget iframe lives in the page's
// renderer: DevTools' network and CPU throttling set on the page then
// apply to the iframe as well.
func startBrowser(profileDir string) (context.Context, context.CancelFunc, error) {
	path, err := chromium.Path()
	if err != nil {
		return nil, nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromium.Options(path, profileDir,
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"),
		chromedp.WindowSize(1280, 900),
	)...)
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return ctx, func() { cancel(); cancelAlloc() }, nil
}

// run is what one cold load of one contender measured. Times are in
// milliseconds from the navigation start of the top-level page.
type run struct {
	Contender string `json:"contender"`
	Profile   string `json:"profile"`
	Run       int    `json:"run"`

	FCP            float64   `json:"fcp_ms"`           // first contentful paint of the journey's document
	PageFCP        float64   `json:"page_fcp_ms"`      // first contentful paint of the top-level page
	BytesBeforeFCP float64   `json:"bytes_before_fcp"` // encoded bytes of responses finished by FCP
	FirstStage     float64   `json:"first_stage_ms"`   // first stage's text rendered
	Usable         float64   `json:"usable_ms"`        // next stage seen after clicking its control
	UsableClicks   int       `json:"usable_clicks"`    // clicks it took (1 unless the first was lost)
	App            float64   `json:"app_ms,omitempty"` // .wm-app present (Waymark only)
	TotalBytes     float64   `json:"total_bytes"`      // encoded bytes of every response
	JourneyBytes   float64   `json:"journey_bytes"`    // of those, for the top-level page and the journey's frame only
	Requests       int       `json:"requests"`         // requests seen by the page
	Failed         int       `json:"failed_requests"`  // requests that failed or were blocked
	OffLoopback    []string  `json:"off_loopback,omitempty"`
	JSHeap         float64   `json:"js_heap_bytes"`     // Performance.getMetrics JSHeapUsedSize after a GC
	WasmMemory     float64   `json:"wasm_memory_bytes"` // WebAssembly.Memory byte length
	Latencies      []float64 `json:"stage_change_ms"`   // click to first frame showing the change
	LatP50         float64   `json:"stage_change_p50_ms"`
	LatP95         float64   `json:"stage_change_p95_ms"`
	EventTiming    []float64 `json:"event_timing_ms"`     // Event Timing durations of interactions >= 16 ms
	EventP50       float64   `json:"event_timing_p50_ms"` // over the 20 changes; a change with no entry counts as 0 (< 16 ms)
	EventP95       float64   `json:"event_timing_p95_ms"`
	URLs           []string  `json:"urls"`                  // every address requested
	WrongStage     int       `json:"wrong_stage,omitempty"` // changes that ended on another stage than asked
}

// tab is an open page and what the bench recorded about it.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	contexts map[string]runtime.ExecutionContextID // frame id -> main world
	uniq     map[string]string                     // unique context id -> frame id
	sent     map[network.RequestID]string
	frameOf  map[network.RequestID]string
	offset   float64 // wall time minus monotonic time, seconds
	finished []finished
	failed   int
}

type finished struct {
	at    float64 // epoch ms
	bytes float64
	frame string
}

// measure opens c once in a fresh browser context under p and measures it.
func measure(browser context.Context, c contender, p profile, stages []string, n int) (r run, err error) {
	r = run{Contender: c.Name, Profile: p.Name, Run: n}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx); err != nil {
		return r, fmt.Errorf("opening a tab: %w", err)
	}
	tb := &tab{ctx: ctx, contexts: map[string]runtime.ExecutionContextID{}, uniq: map[string]string{}, sent: map[network.RequestID]string{}, frameOf: map[network.RequestID]string{}}
	if err := chromedp.Listen(ctx, tb.event); err != nil {
		return r, err
	}
	stagesJSON, _ := json.Marshal(stages)
	yes := true
	steps := []chromedp.Action[chromedp.Void]{
		callAction(network.Enable, network.EnableParams{}),
		callAction(runtime.Enable, cdp.Empty{}),
		callAction(performance.Enable, performance.EnableParams{}),
		callAction(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: "const STAGES = " + string(stagesJSON) + ";\n" + probeJS, RunImmediately: &yes,
		}),
		chromedp.EmulateViewport(1280, 900),
		callAction(emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: p.CPU}),
	}
	if p.Throttle {
		steps = append(steps, callAction(network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: p.Latency, DownloadThroughput: p.Down, UploadThroughput: p.Up}},
		}))
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		return r, fmt.Errorf("setting up the tab: %w", err)
	}
	if _, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: c.URL}); err != nil {
		return r, fmt.Errorf("opening %s: %w", c.URL, err)
	}

	// The main frame's context comes first; its timeOrigin is zero for
	// every time reported.
	var origin float64
	if err := tb.poll(30*time.Second, "the page", func() (bool, error) {
		v, err := evalIn[float64](tb, "", `window.__wb ? performance.timeOrigin : 0`)
		origin = v
		return v > 0, err
	}); err != nil {
		return r, err
	}
	frame := func() string {
		if c.Frame == "" {
			return ""
		}
		return tb.frameID(c.Frame)
	}
	type phase1 struct {
		First, Next, App float64
		Clicks           int
		Kind             string
	}
	var ph phase1
	if err := tb.poll(3*time.Minute, "the next stage to be shown after a click", func() (bool, error) {
		f := frame()
		if c.Frame != "" && f == "" {
			return false, nil
		}
		v, err := evalIn[*phase1](tb, f, `window.__wb && __wb.kind ? {First: __wb.first, Next: __wb.next, App: __wb.app, Clicks: __wb.clicks, Kind: __wb.kind} : null`)
		if err != nil || v == nil {
			return false, nil // the frame is still loading
		}
		ph = *v
		return ph.Next > 0 && (c.Frame == "" || ph.App > 0), nil
	}); err != nil {
		return r, err
	}
	r.FirstStage, r.Usable, r.UsableClicks = ph.First-origin, ph.Next-origin, ph.Clicks
	if ph.App > 0 {
		r.App = ph.App - origin
	}
	f := frame()

	// Let the network go quiet, then read paints, memory and bytes.
	tb.quiet(time.Second, time.Minute)
	fcp := `(() => { const e = performance.getEntriesByName("first-contentful-paint")[0]; return e ? performance.timeOrigin + e.startTime : 0; })()`
	pageFCP, err := evalIn[float64](tb, "", fcp)
	if err != nil {
		return r, err
	}
	docFCP, err := evalIn[float64](tb, f, fcp)
	if err != nil {
		return r, err
	}
	r.PageFCP, r.FCP = pageFCP-origin, docFCP-origin
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return r, fmt.Errorf("collecting garbage: %w", err)
	}
	m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return r, fmt.Errorf("reading metrics: %w", err)
	}
	for _, x := range m.Metrics {
		if x.Name == "JSHeapUsedSize" {
			r.JSHeap = x.Value
		}
	}
	if r.WasmMemory, err = evalIn[float64](tb, f, `__wb.wasmBytes()`); err != nil {
		return r, err
	}

	// Stage changes: trusted mouse clicks at the control's centre, back and
	// forth across the stages (1, 2, 1, 0, 1, 2, ...), each after the page
	// has settled from the one before.
	if c.Frame != "" {
		if _, err := evalIn[bool](tb, "", `document.querySelector('iframe[src^="`+c.Frame+`"]').scrollIntoView(); true`); err != nil {
			return r, err
		}
	}
	cur := 1
	dir := 1
	for i := 0; i < 20; i++ {
		if cur+dir < 0 || cur+dir >= len(stages) {
			dir = -dir
		}
		next := cur + dir
		what := "next"
		if dir < 0 {
			what = "prev"
		}
		type pt struct{ X, Y float64 }
		at, err := evalIn[*pt](tb, f, fmt.Sprintf(`__wb.rect(%q, %d)`, what, next))
		if err != nil || at == nil {
			return r, fmt.Errorf("no control for stage %d: %v", next, err)
		}
		if c.Frame != "" {
			off, err := evalIn[pt](tb, "", `(() => { const f = document.querySelector('iframe[src^="`+c.Frame+`"]'), r = f.getBoundingClientRect(), s = getComputedStyle(f);
				return {X: r.left + f.clientLeft + parseFloat(s.paddingLeft), Y: r.top + f.clientTop + parseFloat(s.paddingTop)}; })()`)
			if err != nil {
				return r, err
			}
			at.X += off.X
			at.Y += off.Y
		}
		for _, t := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
			if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: t, X: at.X, Y: at.Y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1,
			}); err != nil {
				return r, fmt.Errorf("clicking: %w", err)
			}
		}
		if err := tb.poll(20*time.Second, "the stage change to settle", func() (bool, error) {
			n, err := evalIn[int](tb, f, `__wb.settled`)
			return n > i, err
		}); err != nil {
			return r, err
		}
		if got, err := evalIn[int](tb, f, `__wb.current()`); err != nil {
			return r, err
		} else if got != next {
			r.WrongStage++
		}
		cur = next
	}
	if r.Latencies, err = evalIn[[]float64](tb, f, `__wb.lat`); err != nil {
		return r, err
	}
	r.LatP50, r.LatP95 = percentile(r.Latencies, 50), percentile(r.Latencies, 95)
	ev, err := evalIn[map[string]float64](tb, f, `__wb.events`)
	if err != nil {
		return r, err
	}
	for _, d := range ev {
		r.EventTiming = append(r.EventTiming, d)
	}
	slices.Sort(r.EventTiming)
	et := make([]float64, 20)
	copy(et[max(0, 20-len(r.EventTiming)):], r.EventTiming)
	r.EventP50, r.EventP95 = percentile(et, 50), percentile(et, 95)

	tb.quiet(500*time.Millisecond, 10*time.Second)
	top := tb.mainFrame() // before the lock: the event listener takes it too
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, u := range tb.sent {
		r.URLs = append(r.URLs, u)
		pu, err := url.Parse(u)
		if err != nil || (pu.Hostname() != "127.0.0.1" && pu.Hostname() != "localhost") {
			r.OffLoopback = append(r.OffLoopback, u)
		}
	}
	slices.Sort(r.OffLoopback)
	slices.Sort(r.URLs)
	r.Requests = len(tb.sent)
	r.Failed = tb.failed
	for _, x := range tb.finished {
		r.TotalBytes += x.bytes
		if x.frame == top || x.frame == f {
			r.JourneyBytes += x.bytes
		}
		if x.at <= docFCP {
			r.BytesBeforeFCP += x.bytes
		}
	}
	return r, nil
}

// event records network traffic and the frames' JavaScript contexts.
func (tb *tab) event(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if strings.HasPrefix(ev.Request.URL, "data:") || strings.HasPrefix(ev.Request.URL, "blob:") {
			return
		}
		if tb.offset == 0 {
			tb.offset = float64(ev.WallTime) - float64(ev.Timestamp)
		}
		tb.sent[ev.RequestID] = ev.Request.URL
		tb.frameOf[ev.RequestID] = string(ev.FrameID)
	case *network.EventLoadingFinished:
		if _, ok := tb.sent[ev.RequestID]; ok {
			at := (float64(ev.Timestamp) + tb.offset) * 1000
			tb.finished = append(tb.finished, finished{at: at, bytes: ev.EncodedDataLength, frame: tb.frameOf[ev.RequestID]})
		}
	case *network.EventLoadingFailed:
		if _, ok := tb.sent[ev.RequestID]; ok {
			tb.failed++
		}
	case *runtime.EventExecutionContextCreated:
		var aux struct {
			IsDefault bool   `json:"isDefault"`
			FrameID   string `json:"frameId"`
		}
		if json.Unmarshal([]byte(ev.Context.AuxData), &aux) == nil && aux.IsDefault {
			tb.contexts[aux.FrameID] = ev.Context.ID
			tb.uniq[ev.Context.UniqueID] = aux.FrameID
		}
	case *runtime.EventExecutionContextDestroyed:
		if f, ok := tb.uniq[ev.ExecutionContextUniqueID]; ok {
			delete(tb.uniq, ev.ExecutionContextUniqueID)
			delete(tb.contexts, f)
		}
	}
}

// settledCount counts the requests that have finished or failed so far.
func (tb *tab) settledCount() int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return len(tb.finished) + tb.failed
}

// quiet waits until no response has finished for d (or at most max).
func (tb *tab) quiet(d, max time.Duration) {
	deadline := time.Now().Add(max)
	last, since := tb.settledCount(), time.Now()
	for time.Now().Before(deadline) && time.Since(since) < d {
		time.Sleep(100 * time.Millisecond)
		if n := tb.settledCount(); n != last {
			last, since = n, time.Now()
		}
	}
}

// frameID finds the frame whose address starts with prefix.
func (tb *tab) frameID(prefix string) string {
	tree, err := chromedp.Call(tb.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return ""
	}
	var find func(*page.FrameTree) string
	find = func(ft *page.FrameTree) string {
		if strings.HasPrefix(ft.Frame.URL, prefix) {
			return string(ft.Frame.ID)
		}
		for _, c := range ft.ChildFrames {
			if id := find(c); id != "" {
				return id
			}
		}
		return ""
	}
	return find(tree.FrameTree)
}

// mainFrame is the top-level frame's id.
func (tb *tab) mainFrame() string {
	tree, err := chromedp.Call(tb.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return ""
	}
	return string(tree.FrameTree.Frame.ID)
}

// poll calls cond every 20 ms until it holds.
func (tb *tab) poll(max time.Duration, what string, cond func() (bool, error)) error {
	deadline := time.Now().Add(max)
	var last error
	for time.Now().Before(deadline) {
		ok, err := cond()
		if ok {
			return nil
		}
		last = err
		if tb.ctx.Err() != nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("waiting for %s: timed out (last error: %v)", what, last)
}

// evalIn evaluates js in the main world of a frame ("" is the top-level
// page), where the probe and the page's own scripts live.
func evalIn[T any](tb *tab, frame, js string) (T, error) {
	var zero T
	params := runtime.EvaluateParams{Expression: js}
	yes := true
	params.ReturnByValue = &yes
	params.AwaitPromise = &yes
	if frame != "" {
		tb.mu.Lock()
		id, ok := tb.contexts[frame]
		tb.mu.Unlock()
		if !ok {
			return zero, fmt.Errorf("no JavaScript context for frame %s yet", frame)
		}
		params.ContextID = id
	}
	res, err := chromedp.Call(tb.ctx, runtime.Evaluate, params)
	if err != nil {
		return zero, fmt.Errorf("evaluating %.60q: %w", js, err)
	}
	if res.ExceptionDetails != nil {
		desc := res.ExceptionDetails.Text
		if res.ExceptionDetails.Exception != nil {
			desc += " " + res.ExceptionDetails.Exception.Description
		}
		return zero, fmt.Errorf("evaluating %.60q: %s", js, desc)
	}
	if len(res.Result.Value) == 0 {
		return zero, nil
	}
	if err := json.Unmarshal([]byte(res.Result.Value), &zero); err != nil {
		return zero, fmt.Errorf("decoding %s: %w", res.Result.Value, err)
	}
	return zero, nil
}

// callAction wraps a protocol command as an action.
func callAction[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}
