package main

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
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
	"github.com/chromedp/cdproto/target"
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

// contender is one of the pages compared.
type contender struct {
	Name  string
	URL   string // page to open
	Frame string // address prefix of the frame that holds the journey; "" for the page itself
}

// The contenders' names, as the runs record them.
const (
	nameWaymark  = "Waymark"
	nameBase     = "Waymark base"
	nameTimeline = "TimelineJS"
)

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

	FCP            float64 `json:"fcp_ms"`                    // first contentful paint of the journey's document
	PageFCP        float64 `json:"page_fcp_ms"`               // first contentful paint of the top-level page
	BytesBeforeFCP float64 `json:"bytes_before_fcp"`          // encoded bytes of responses finished by FCP
	FirstStage     float64 `json:"first_stage_ms"`            // first stage's text rendered
	Usable         float64 `json:"usable_ms"`                 // next stage seen after clicking its control
	UsableClicks   int     `json:"usable_clicks"`             // clicks it took (1 unless the first was lost)
	App            float64 `json:"app_ms,omitempty"`          // .wm-app present (Waymark only)
	FrameLoad      float64 `json:"frame_load_ms"`             // load event of the journey's document
	LongBeforeLoad float64 `json:"long_tasks_before_load_ms"` // long tasks in the journey's document before its load event
	LongTasks      float64 `json:"long_tasks_ms"`             // long tasks in the journey's document until the network is quiet
	TaskBusy       float64 `json:"task_busy_ms"`              // Performance.getMetrics TaskDuration of the renderer, until the network is quiet
	TotalBytes     float64 `json:"total_bytes"`               // encoded bytes of every response the page received
	JourneyBytes   float64 `json:"journey_bytes"`             // of those, for the top-level page and the journey's frame only
	Requests       int     `json:"requests"`                  // requests seen by the page
	Failed         int     `json:"failed_requests"`           // requests that failed or were blocked

	// The service worker's traffic, throttled as the page's is.
	WorkerBytes    float64 `json:"worker_bytes"`    // encoded bytes of every response the worker received
	WorkerRequests int     `json:"worker_requests"` // requests the worker made (its own script's included)
	WorkerFailed   int     `json:"worker_failed_requests"`
	// WorkerFastest is the quickest of the worker's requests that went to
	// the network (its own script aside), from request to last byte: under
	// a throttled profile none can beat the profile's round trip.
	WorkerFastest float64       `json:"worker_fastest_network_ms,omitempty"`
	WorkerFetches []workerFetch `json:"worker_fetches,omitempty"`
	InFlight      int           `json:"in_flight_when_counted"` // requests of page or worker not finished when bytes were counted, or lost with the worker's session

	// Take-over breakdown (Waymark only); durations in ms, 0 if not seen.
	Download    float64   `json:"wasm_download_ms,omitempty"`    // the page's app.wasm request, sent to last byte
	Instantiate float64   `json:"wasm_instantiate_ms,omitempty"` // WebAssembly.instantiateStreaming called to resolved
	Init        float64   `json:"go_init_ms,omitempty"`          // instance resolved (go.run) to the app's main starting
	Render      float64   `json:"first_render_ms,omitempty"`     // main starting to .wm-app present
	RunToApp    float64   `json:"run_to_app_ms,omitempty"`       // instance resolved to .wm-app present
	OffLoopback []string  `json:"off_loopback,omitempty"`
	JSHeap      float64   `json:"js_heap_bytes"`     // Performance.getMetrics JSHeapUsedSize after a GC
	WasmMemory  float64   `json:"wasm_memory_bytes"` // WebAssembly.Memory byte length
	Latencies   []float64 `json:"stage_change_ms"`   // click to first frame showing the change
	LatP50      float64   `json:"stage_change_p50_ms"`
	LatP95      float64   `json:"stage_change_p95_ms"`
	EventTiming []float64 `json:"event_timing_ms"`     // Event Timing durations of interactions >= 16 ms
	EventP50    float64   `json:"event_timing_p50_ms"` // over the 20 changes; a change with no entry counts as 0 (< 16 ms)
	EventP95    float64   `json:"event_timing_p95_ms"`
	URLs        []string  `json:"urls"`                  // every address requested
	WrongStage  int       `json:"wrong_stage,omitempty"` // changes that ended on another stage than asked
}

// tab is an open page and what the bench recorded about it.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	contexts map[string]runtime.ExecutionContextID // frame id -> main world
	uniq     map[string]string                     // unique context id -> frame id
	sent     map[network.RequestID]string
	frameOf  map[network.RequestID]string
	started  map[network.RequestID]float64 // epoch ms
	offset   float64                       // wall time minus monotonic time, seconds
	finished []finished
	failed   int

	// Workers are attached through the page's session (Target.setAutoAttach,
	// not flattened: chromedp routes no messages of sessions it did not
	// open), paused until set up; their messages arrive wrapped in
	// Target.receivedMessageFromTarget.
	profile  profile
	nextID   int64
	pending  map[int64]chan childReply
	worker   map[string]*workerRequest   // request id -> request
	scripts  map[string]bool             // the workers' own scripts, by address
	sessions map[target.SessionID]string // attached workers: session -> what it is, for the log
	lost     int                         // worker requests whose session ended before they did
	setupErr error                       // the first worker that could not be set up
}

type finished struct {
	id    network.RequestID
	at    float64 // epoch ms
	bytes float64
	frame string
}

// workerRequest is one request a worker made.
type workerRequest struct {
	session    target.SessionID
	url        string
	start, end float64 // epoch ms; 0 if not seen
	bytes      float64
	done       bool
	failed     bool
}

// workerFetch is one of a worker's requests as results.json lists it.
type workerFetch struct {
	URL   string  `json:"url"`
	Start float64 `json:"start_ms"` // from the page's navigation start; 0 if not seen
	Time  float64 `json:"ms"`       // request to last byte; 0 if not seen
	Bytes float64 `json:"bytes"`    // encoded, headers included; 0 from the HTTP cache
}

// childReply is a worker session's answer to a command.
type childReply struct {
	Error *struct {
		Message string `json:"message"`
	} `json:"error"`
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
	tb := &tab{ctx: ctx, contexts: map[string]runtime.ExecutionContextID{}, uniq: map[string]string{}, sent: map[network.RequestID]string{},
		frameOf: map[network.RequestID]string{}, started: map[network.RequestID]float64{}, profile: p,
		pending: map[int64]chan childReply{}, worker: map[string]*workerRequest{}, scripts: map[string]bool{},
		sessions: map[target.SessionID]string{}}
	if err := chromedp.Listen(ctx, tb.event); err != nil {
		return r, err
	}
	stagesJSON, _ := json.Marshal(stages)
	yes, no := true, false
	steps := []chromedp.Action[chromedp.Void]{
		// go-app's app.js registers a service worker that precaches the
		// site: it starts paused, so that it is throttled and counted
		// from its first request.
		callAction(target.SetAutoAttach, target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: &no}),
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
		steps = append(steps, callAction(network.EmulateNetworkConditionsByRule, p.conditions()))
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
		return r, fmt.Errorf("%w; the probe saw the first stage at %.0f ms, the next at %.0f ms, after %d clicks",
			err, max(0, ph.First-origin), max(0, ph.Next-origin), ph.Clicks)
	}
	r.FirstStage, r.Usable, r.UsableClicks = ph.First-origin, ph.Next-origin, ph.Clicks
	if ph.App > 0 {
		r.App = ph.App - origin
	}
	f := frame()

	// Let the network go quiet (the worker's precaching too), then read
	// paints, memory and bytes.
	tb.quiet(time.Second, 2*time.Minute)
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
		switch x.Name {
		case "JSHeapUsedSize":
			r.JSHeap = x.Value
		case "TaskDuration":
			r.TaskBusy = x.Value * 1000
		}
	}
	type long struct{ S, D float64 }
	tasks, err := evalIn[struct {
		Loaded float64
		Long   []long
	}](tb, f, `({Loaded: __wb.loaded, Long: __wb.long})`)
	if err != nil {
		return r, err
	}
	if tasks.Loaded > 0 {
		r.FrameLoad = tasks.Loaded - origin
	}
	for _, l := range tasks.Long {
		r.LongTasks += l.D
		if tasks.Loaded == 0 || l.S < tasks.Loaded {
			r.LongBeforeLoad += l.D
		}
	}
	if r.WasmMemory, err = evalIn[float64](tb, f, `__wb.wasmBytes()`); err != nil {
		return r, err
	}
	type marks struct{ InstStart, InstEnd, Main float64 }
	mk, err := evalIn[marks](tb, f, `(() => { const m = performance.getEntriesByName("waymark:main")[0];
		return {InstStart: __wb.instStart, InstEnd: __wb.instEnd, Main: m ? performance.timeOrigin + m.startTime : 0}; })()`)
	if err != nil {
		return r, err
	}
	if mk.InstStart > 0 && mk.InstEnd > 0 {
		r.Instantiate = mk.InstEnd - mk.InstStart
		if ph.App > 0 {
			r.RunToApp = ph.App - mk.InstEnd
		}
		// A revision without the mark leaves init and render unmeasured.
		if mk.Main > 0 {
			r.Init = mk.Main - mk.InstEnd
			if ph.App > 0 {
				r.Render = ph.App - mk.Main
			}
		}
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

	tb.quiet(500*time.Millisecond, 30*time.Second)
	top := tb.mainFrame() // before the lock: the event listener takes it too
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if tb.setupErr != nil {
		return r, tb.setupErr
	}
	r.InFlight = tb.inFlight() + tb.lost
	for _, w := range tb.worker {
		r.WorkerRequests++
		r.WorkerBytes += w.bytes
		if w.failed {
			r.WorkerFailed++
		}
		f := workerFetch{URL: w.url, Bytes: w.bytes}
		if w.start > 0 {
			f.Start = w.start - origin
			if w.done && !w.failed {
				f.Time = w.end - w.start
				// A response from the HTTP cache has no encoded bytes; the
				// worker's script may be fetched before the throttle is set.
				if w.bytes > 0 && !tb.scripts[w.url] && (r.WorkerFastest == 0 || f.Time < r.WorkerFastest) {
					r.WorkerFastest = f.Time
				}
			}
		}
		r.WorkerFetches = append(r.WorkerFetches, f)
		r.URLs = append(r.URLs, "worker: "+w.url)
		if pu, err := url.Parse(w.url); err != nil || (pu.Hostname() != "127.0.0.1" && pu.Hostname() != "localhost") {
			r.OffLoopback = append(r.OffLoopback, "worker: "+w.url)
		}
	}
	for _, u := range tb.sent {
		r.URLs = append(r.URLs, u)
		pu, err := url.Parse(u)
		if err != nil || (pu.Hostname() != "127.0.0.1" && pu.Hostname() != "localhost") {
			r.OffLoopback = append(r.OffLoopback, u)
		}
	}
	slices.SortFunc(r.WorkerFetches, func(a, b workerFetch) int { return cmp.Compare(a.Start, b.Start) })
	slices.Sort(r.OffLoopback)
	slices.Sort(r.URLs)
	r.Requests = len(tb.sent)
	r.Failed = tb.failed
	for id, u := range tb.sent {
		if p, err := url.Parse(u); err == nil && strings.HasSuffix(p.Path, ".wasm") && strings.Contains(p.Path, "/app") {
			for _, x := range tb.finished {
				if x.id == id && x.at > tb.started[id] {
					r.Download = x.at - tb.started[id]
				}
			}
		}
	}
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
		tb.started[ev.RequestID] = (float64(ev.Timestamp) + tb.offset) * 1000
	case *network.EventLoadingFinished:
		if _, ok := tb.sent[ev.RequestID]; ok {
			at := (float64(ev.Timestamp) + tb.offset) * 1000
			tb.finished = append(tb.finished, finished{id: ev.RequestID, at: at, bytes: ev.EncodedDataLength, frame: tb.frameOf[ev.RequestID]})
		}
	case *network.EventLoadingFailed:
		if _, ok := tb.sent[ev.RequestID]; ok {
			tb.failed++
		}
	case *target.EventAttachedToTarget:
		tb.scripts[ev.TargetInfo.URL] = true
		tb.sessions[ev.SessionID] = ev.TargetInfo.Type + " " + ev.TargetInfo.URL
		go tb.setUp(ev.SessionID, ev.TargetInfo.Type, ev.TargetInfo.URL, ev.WaitingForDebugger)
	case *target.EventDetachedFromTarget:
		// Its requests still in flight will never say they finished.
		n := 0
		for _, w := range tb.worker {
			if w.session == ev.SessionID && !w.done {
				w.done, w.failed = true, true
				n++
			}
		}
		tb.lost += n
		if n > 0 {
			fmt.Fprintf(os.Stderr, "bench: the %s detached with %d requests in flight; they count as lost\n", tb.sessions[ev.SessionID], n)
		}
	case *target.EventReceivedMessageFromTarget:
		tb.fromWorker(ev.SessionID, ev.Message)
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

// conditions is the profile's network throttle as DevTools takes it.
func (p profile) conditions() network.EmulateNetworkConditionsByRuleParams {
	return network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Latency: p.Latency, DownloadThroughput: p.Down, UploadThroughput: p.Up}},
	}
}

// setUp throttles a newly attached worker's network as the page's is and
// records its traffic, then lets it start. Any other target the page
// starts paused (none is expected) is only let go. Chromium refuses CPU
// throttling for workers ("only supported for pages"), so a worker runs
// at the machine's speed under every profile.
func (tb *tab) setUp(session target.SessionID, kind, addr string, paused bool) {
	fail := func(err error) {
		tb.mu.Lock()
		if tb.setupErr == nil {
			tb.setupErr = fmt.Errorf("setting up the %s %s: %w", kind, addr, err)
		}
		tb.mu.Unlock()
	}
	// The worker's own script is fetched as it starts, paused or not:
	// throttled first, it is throttled too if it starts late enough.
	if strings.Contains(kind, "worker") {
		if tb.profile.Throttle {
			if err := tb.send(session, network.CommandEmulateNetworkConditionsByRule, tb.profile.conditions()); err != nil {
				fail(err)
				return
			}
		}
		if err := tb.send(session, network.CommandEnable, network.EnableParams{}); err != nil {
			fail(err)
			return
		}
	}
	if paused && !strings.Contains(kind, "worker") {
		fmt.Fprintf(os.Stderr, "bench: letting a paused %s %s start\n", kind, addr)
	}
	if paused {
		if err := tb.send(session, runtime.CommandRunIfWaitingForDebugger, cdp.Empty{}); err != nil {
			fail(err)
		}
	}
}

// send runs a command in a worker's session and waits for its answer.
func (tb *tab) send(session target.SessionID, method string, params any) error {
	tb.mu.Lock()
	tb.nextID++
	id := tb.nextID
	reply := make(chan childReply, 1)
	tb.pending[id] = reply
	tb.mu.Unlock()
	msg, err := json.Marshal(struct {
		ID     int64  `json:"id"`
		Method string `json:"method"`
		Params any    `json:"params"`
	}{id, method, params})
	if err != nil {
		return err
	}
	// cdproto no longer lists Target.sendMessageToTarget: it is the
	// unflattened sessions' only way in.
	if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		return t.Call(ctx, "Target.sendMessageToTarget", map[string]any{"message": string(msg), "sessionId": session}, nil)
	})); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case r := <-reply:
		if r.Error != nil {
			return fmt.Errorf("%s: %s", method, r.Error.Message)
		}
		return nil
	case <-time.After(30 * time.Second):
		return fmt.Errorf("%s: no answer in 30 s", method)
	case <-tb.ctx.Done():
		return tb.ctx.Err()
	}
}

// fromWorker takes a message of a worker's session: an answer to send, or
// one of its network events. tb.mu is held.
func (tb *tab) fromWorker(session target.SessionID, raw string) {
	var m struct {
		ID     int64           `json:"id"`
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if json.Unmarshal([]byte(raw), &m) != nil {
		return
	}
	if m.ID != 0 {
		var r childReply
		json.Unmarshal([]byte(raw), &r)
		if ch, ok := tb.pending[m.ID]; ok {
			delete(tb.pending, m.ID)
			ch <- r
		}
		return
	}
	var ev struct {
		RequestID         string  `json:"requestId"`
		Timestamp         float64 `json:"timestamp"`
		EncodedDataLength float64 `json:"encodedDataLength"`
		Request           struct {
			URL string `json:"url"`
		} `json:"request"`
		Response struct {
			URL string `json:"url"`
		} `json:"response"`
	}
	if json.Unmarshal(m.Params, &ev) != nil || ev.RequestID == "" {
		return
	}
	at := (ev.Timestamp + tb.offset) * 1000
	w := tb.worker[ev.RequestID]
	switch m.Method {
	case network.RequestWillBeSent.Method:
		if strings.HasPrefix(ev.Request.URL, "data:") || strings.HasPrefix(ev.Request.URL, "blob:") {
			return
		}
		tb.worker[ev.RequestID] = &workerRequest{session: session, url: ev.Request.URL, start: at}
	case network.ResponseReceived.Method:
		// The worker's own script is fetched before it can be set up: its
		// request is not seen, its response is.
		if w == nil {
			tb.worker[ev.RequestID] = &workerRequest{session: session, url: ev.Response.URL}
		}
	case network.LoadingFinished.Method:
		if w != nil {
			w.done, w.end, w.bytes = true, at, ev.EncodedDataLength
		}
	case network.LoadingFailed.Method:
		if w != nil {
			w.done, w.failed = true, true
		}
	}
}

// inFlight counts the requests of the page and its workers not finished
// yet. tb.mu is held.
func (tb *tab) inFlight() int {
	n := len(tb.sent) - len(tb.finished) - tb.failed
	for _, w := range tb.worker {
		if !w.done {
			n++
		}
	}
	return max(n, 0)
}

// progress says how far the traffic has got: requests settled, and
// whether any is still in flight.
func (tb *tab) progress() (int, bool) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	n := len(tb.finished) + tb.failed
	for _, w := range tb.worker {
		if w.done {
			n++
		}
	}
	return n, tb.inFlight() > 0
}

// quiet waits until no request is in flight and none has finished for d
// (or at most max): a long download, such as the worker's precaching
// under the slow profile, finishes nothing for seconds.
func (tb *tab) quiet(d, max time.Duration) {
	deadline := time.Now().Add(max)
	last, _ := tb.progress()
	since := time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		n, busy := tb.progress()
		if n != last || busy {
			last, since = n, time.Now()
		} else if time.Since(since) >= d {
			return
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
