package build

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"waymark/data"
)

func fixtureContent(t *testing.T) *data.Content {
	t.Helper()
	contents, err := data.Load(os.DirFS("../data/testdata/fixture"), "data")
	if err != nil {
		t.Fatal(err)
	}
	return contents["en"]
}

// anyURL finds an address of any host in chart options: ECharts would
// fetch it (an image symbol, a map), and nothing may come from elsewhere.
var anyURL = regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+|image://|url\(`)

func TestChartOptionsHoldNoAddressAndKeepAriaOn(t *testing.T) {
	for name, c := range map[string]*data.Content{"fixture": fixtureContent(t), "embedded": data.Embedded()["en"]} {
		charts, err := chartOptions(c)
		if err != nil {
			t.Fatal(err)
		}
		if len(charts) != len(c.Figures.Comparisons)+1 {
			t.Errorf("%s: %d charts, want one per comparison and the rights map", name, len(charts))
		}
		for id, b := range charts {
			if m := anyURL.Find(b); m != nil {
				t.Errorf("%s: chart %s options hold an address: %s", name, id, m)
			}
			var o struct {
				Aria struct {
					Enabled bool `json:"enabled"`
					Decal   struct {
						Show bool `json:"show"`
					} `json:"decal"`
				} `json:"aria"`
			}
			if err := json.Unmarshal(b, &o); err != nil {
				t.Fatalf("%s: chart %s: %v", name, id, err)
			}
			if !o.Aria.Enabled || !o.Aria.Decal.Show {
				t.Errorf("%s: chart %s: aria %v, decal %v; want both on", name, id, o.Aria.Enabled, o.Aria.Decal.Show)
			}
		}
	}
}

func TestRightsMapChartFollowsTheJourney(t *testing.T) {
	c := fixtureContent(t)
	cells := func() []string {
		charts, err := chartOptions(c)
		if err != nil {
			t.Fatal(err)
		}
		var o struct {
			XAxis []struct {
				Data []string `json:"data"`
			} `json:"xAxis"`
			Series []struct {
				Data []struct {
					Name  string `json:"name"`
					Value []int  `json:"value"`
				} `json:"data"`
			} `json:"series"`
		}
		if err := json.Unmarshal(charts["rights-map"], &o); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(o.XAxis[0].Data, "|"); got != `Forecasting "tools" <b>x</b> it's|Towers|Biometrics|Ankle tags` {
			t.Errorf("rights map columns %q, want the journey's technologies", got)
		}
		var out []string
		for _, d := range o.Series[0].Data {
			out = append(out, d.Name)
		}
		return out
	}
	before := strings.Join(cells(), ",")
	if before != "forecasting,towers,towers,biometrics,tags" {
		t.Errorf("rights map cells %s, want one per (technology, right) pair of the journey", before)
	}
	c.Journey.Stages[2].Technologies[0].Rights = append(c.Journey.Stages[2].Technologies[0].Rights, "privacy")
	if after := strings.Join(cells(), ","); after != before+",tags" {
		t.Errorf("after adding a right to a technology, cells %s", after)
	}
}

// TestArabicChartsAreMirrored: in Arabic the charts read from the right,
// as the page around them does, and in English from the left.
func TestArabicChartsAreMirrored(t *testing.T) {
	for lang, rtl := range map[string]bool{"en": false, "fr": false, "ar": true} {
		charts, err := chartOptions(data.Embedded()[lang])
		if err != nil {
			t.Fatal(err)
		}
		for id, b := range charts {
			var o struct {
				XAxis []struct {
					Inverse   bool `json:"inverse"`
					AxisLabel struct {
						Rotate float64 `json:"rotate"`
					} `json:"axisLabel"`
				} `json:"xAxis"`
				YAxis []struct {
					Position string `json:"position"`
				} `json:"yAxis"`
			}
			if err := json.Unmarshal(b, &o); err != nil {
				t.Fatalf("%s %s: %v", lang, id, err)
			}
			if len(o.XAxis) == 0 || len(o.YAxis) == 0 {
				t.Fatalf("%s %s: no axes", lang, id)
			}
			if o.XAxis[0].Inverse != rtl || (o.YAxis[0].Position == "right") != rtl {
				t.Errorf("%s %s: categories from the right %v, values on the right %v; want both %v", lang, id, o.XAxis[0].Inverse, o.YAxis[0].Position == "right", rtl)
			}
			if id == "rights-map" && (o.XAxis[0].AxisLabel.Rotate < 0) != rtl {
				t.Errorf("%s rights map: labels rotated %v°, want them leaning with the reading direction", lang, o.XAxis[0].AxisLabel.Rotate)
			}
		}
	}
}
