package data

import "testing"

// The guide's rules: its timing is the session's 90 minutes, its
// activities name stages the journey has, and every technology of the
// journey has its questions. Each problem is placed at the file, line,
// column and field an editor must change.
func TestGuideFollowsTheJourneyAndTheClock(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string // the first old in guide.json is replaced by new
		wantError string
	}{
		{
			name: "minutes that do not add up to 90",
			old:  `"minutes": 20`, new: `"minutes": 25`,
			wantError: `data/en/guide.json:9:13: timing: the parts' minutes add up to 95 (expected parts whose minutes add up to 90, the session's length)`,
		},
		{
			name: "a part of no minutes",
			old:  `"minutes": 10, "text": "The action."`, new: `"minutes": 0, "text": "The action."`,
			wantError: `data/en/guide.json:9:13: timing: the parts' minutes add up to 80 (expected parts whose minutes add up to 90, the session's length)
data/en/guide.json:12:54: timing[2].minutes: part "closing" takes 0 minutes (expected a whole number of minutes, 1 or more)`,
		},
		{
			name: "an unknown stage",
			old:  `"stage": "at"`, new: `"stage": "during"`,
			wantError: `data/en/guide.json:16:31: activities[1].stage: "during" is not a defined stage id (expected one of after, at, before)`,
		},
		{
			name: "an unknown technology",
			old:  `"technology": "towers"`, new: `"technology": "tower"`,
			wantError: `data/en/guide.json:22:20: discussion[1].technology: "tower" is not a defined technologie id (expected one of biometrics, forecasting, tags, towers)`,
		},
		{
			name: "a technology without a question",
			old:  `"technology": "towers"`, new: `"technology": "forecasting"`,
			wantError: `data/en/guide.json:19:17: discussion: technology "towers" (stage "before") has no discussion question (expected at least one question on every technology of the journey)
data/en/guide.json:22:20: discussion[1].technology: technology "forecasting" has its questions already (expected one topic per technology)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadBroken(t, "guide.json", tt.old, tt.new).Error(); got != tt.wantError {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.wantError)
			}
		})
	}
}
