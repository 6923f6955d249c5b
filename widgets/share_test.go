package widgets

import (
	"strings"
	"testing"
)

// TestShareRoundTripsEveryState encodes and decodes every combination of
// answers to every fixture list.
func TestShareRoundTripsEveryState(t *testing.T) {
	lists := fixture(t).Checklist.Lists
	codes := []Answer{Unanswered, Done, NotYet, NotApplicable}
	for _, list := range lists {
		n := len(list.Items)
		total := 1
		for i := 0; i < n; i++ {
			total *= len(codes)
		}
		for k := 0; k < total; k++ {
			answers := map[string]Answer{}
			for i, x := 0, k; i < n; i, x = i+1, x/len(codes) {
				if a := codes[x%len(codes)]; a != Unanswered {
					answers[list.Items[i].ID] = a
				}
			}
			frag := EncodeAnswers(list, answers)
			id, got, err := DecodeAnswers(frag, lists)
			if err != nil {
				t.Fatalf("%q: %v", frag, err)
			}
			if id != list.ID || len(got) != len(answers) {
				t.Fatalf("%q decoded to %s %v, want %s %v", frag, id, got, list.ID, answers)
			}
			for item, a := range answers {
				if got[item] != a {
					t.Fatalf("%q: item %s = %c, want %c", frag, item, got[item], a)
				}
			}
		}
	}
}

func TestShareRejectsWhatItDidNotWrite(t *testing.T) {
	lists := fixture(t).Checklist.Lists
	tests := []struct{ fragment, want string }{
		{"", "holds no answers"},
		{"states", "holds no answers"},
		{"nope:dd", "names no known checklist"},
		{"states:dddd", "4 answers for 3 items"},
		{"states:dq", "answer 2 is not one of"},
		{"states:" + strings.Repeat("d", 300), "more than 256"},
		{"states:d\x00", "answer 2 is not one of"},
		{`states:"><script>`, "answers for 3 items"},
		{"organizations:é", "answer 1 is not one of"},
	}
	for _, tt := range tests {
		_, _, err := DecodeAnswers(tt.fragment, lists)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeAnswers(%q) = %v, want an error saying %q", tt.fragment, err, tt.want)
		}
	}
}

// FuzzDecodeAnswers feeds arbitrary fragments to the decoder: it must never
// panic, and whatever it accepts must encode back to an equivalent link.
// The seed corpus is in testdata/fuzz/FuzzDecodeAnswers.
func FuzzDecodeAnswers(f *testing.F) {
	for _, s := range []string{"states:dnx", "organizations:", "states:--d", "x:y", ":", "states:\xff"} {
		f.Add(s)
	}
	lists := fixture(f).Checklist.Lists
	f.Fuzz(func(t *testing.T, fragment string) {
		id, answers, err := DecodeAnswers(fragment, lists)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error with no message")
			}
			return
		}
		for _, l := range lists {
			if l.ID != id {
				continue
			}
			again := EncodeAnswers(l, answers)
			id2, answers2, err := DecodeAnswers(again, lists)
			if err != nil || id2 != id || len(answers2) != len(answers) {
				t.Fatalf("%q decoded, re-encoded as %q, which decodes to %s %v (%v)", fragment, again, id2, answers2, err)
			}
			if len(again) > len(fragment) {
				t.Fatalf("re-encoding %q grew it to %q", fragment, again)
			}
			return
		}
		t.Fatalf("%q decoded to unknown list %q", fragment, id)
	})
}
