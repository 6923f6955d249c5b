package widgets

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"waymark/data"
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
			frag := EncodeAnswers(list.ID, list.Items, answers, "")
			got, err := DecodeAnswers(frag, lists)
			if err != nil {
				t.Fatalf("%q: %v", frag, err)
			}
			if got.List != list.ID || len(got.Answers) != len(answers) || got.Unread != 0 {
				t.Fatalf("%q decoded to %+v, want %s %v", frag, got, list.ID, answers)
			}
			for item, a := range answers {
				if got.Answers[item] != a {
					t.Fatalf("%q: item %s = %c, want %c", frag, item, got.Answers[item], a)
				}
			}
		}
	}
}

// One link carries the answers to every list, and opens the one the
// reader was in.
func TestShareCarriesEveryList(t *testing.T) {
	lists := fixture(t).Checklist.Lists
	var all []data.ChecklistItem
	for _, l := range lists {
		all = append(all, l.Items...)
	}
	answers := map[string]Answer{"states-ban": Done, "org-consent": NotApplicable}
	got, err := DecodeAnswers(EncodeAnswers("organizations", all, answers, ""), lists)
	if err != nil || got.List != "organizations" || len(got.Answers) != 2 || got.Answers["states-ban"] != Done || got.Answers["org-consent"] != NotApplicable {
		t.Errorf("a link for both lists decoded to %+v (%v)", got, err)
	}
}

// reordered is the fixture's first list as an editor might change it:
// items moved, one removed, one added. Its share order is the order the
// list had when version 1 links were made.
func reordered(t *testing.T) []data.ChecklistList {
	lists := fixture(t).Checklist.Lists
	l := &lists[0]
	for _, it := range l.Items {
		l.ShareOrder = append(l.ShareOrder, it.ID) // states-assess, states-ban, states-remedy
	}
	l.Items = []data.ChecklistItem{l.Items[2], {ID: "states-new", Text: "New."}, l.Items[0]} // states-ban is gone
	return lists
}

// Answers stay with their items when the list is reordered, items are
// added or removed: a link by id, and a link of version 1 (by position),
// both reach the right items, and what they held for an item that is gone
// is counted, not moved onto another.
func TestShareSurvivesReorderingAddingAndRemoving(t *testing.T) {
	before := fixture(t).Checklist.Lists
	after := reordered(t)
	answers := map[string]Answer{"states-assess": Done, "states-ban": NotYet, "states-remedy": NotApplicable}
	want := map[string]Answer{"states-assess": Done, "states-remedy": NotApplicable}
	for _, link := range []string{
		EncodeAnswers("states", before[0].Items, answers, ""), // made before the change
		"states:dnx", // version 1, as readers' links still say
	} {
		got, err := DecodeAnswers(link, after)
		if err != nil {
			t.Fatalf("%q after the change: %v", link, err)
		}
		if len(got.Answers) != len(want) || got.Answers["states-assess"] != Done || got.Answers["states-remedy"] != NotApplicable {
			t.Errorf("%q after the change gives %v, want %v", link, got.Answers, want)
		}
		if got.Unread != 1 {
			t.Errorf("%q after the change: %d answers unread, want the 1 for the removed item", link, got.Unread)
		}
	}
	// Written again, the link names the items as they are now.
	if got := EncodeAnswers("states", after[0].Items, want, ""); got != "states:3:states-remedy=x,states-assess=d" {
		t.Errorf("re-encoded after the change: %q", got)
	}
}

// Stored answers are share fragments too: saved before a reorder, read
// after it, they stay with their items.
func TestStoredAnswersSurviveReordering(t *testing.T) {
	before := fixture(t).Checklist.Lists
	stored := EncodeAnswers("states", before[0].Items, map[string]Answer{"states-remedy": Done}, "")
	got, err := DecodeAnswers(stored, reordered(t))
	if err != nil || !maps1(got.Answers, "states-remedy", Done) {
		t.Errorf("stored %q read after a reorder: %+v (%v)", stored, got, err)
	}
}

func maps1(m map[string]Answer, k string, a Answer) bool { return len(m) == 1 && m[k] == a }

func TestShareRejectsWhatItDidNotWrite(t *testing.T) {
	lists := fixture(t).Checklist.Lists
	tests := []struct{ fragment, want string }{
		{"", "holds no answers"},
		{"states", "holds no answers"},
		{"nope:dd", "names no known checklist"},
		{"states:dddd", "4 answers for 3 items"},
		{"states:dq", "answer 2 is not one of"},
		{"states:" + strings.Repeat("d", 3000), "more than 2048"},
		{"states:d\x00", "answer 2 is not one of"},
		{`states:"><script>`, "answers for 3 items"},
		{"organizations:é", "answer 1 is not one of"},
		{"states:2:states-ban", "answer 1 is not an item"},
		{"states:2:states-ban=q", "answer 1 is not an item"},
		{"states:2:states-ban=-", "answer 1 is not an item"},
		{"states:2:states-ban=dd", "answer 1 is not an item"},
		{"states:2:states-ban=d,,", "answer 2 is not an item"},
		{"states:2:=d", "answer 1 is not an item"},
		{"states:2:states-ban=d,states-ban=n", "answers an item twice"},
		{"states:2:states-ban=d:Table 3", "answer 1 is not an item"}, // version 2 had no name
		{"states:3:states-ban=q:Table 3", "answer 1 is not an item"},
		{"states:3:states-ban=d:" + strings.Repeat("é", MaxGroup+1), "longer than 40 characters"},
		{"states:3:states-ban=d:\xffTable", "is not text"},
		{"states:3:states-ban=d:Table\n3", "characters a name cannot have"},
		{"states:3:states-ban=d:\u202eTable", "characters a name cannot have"},
		{"states:3:states-ban=d: Table", "characters a name cannot have"},
		{"nope:3:states-ban=d:Table", "names no known checklist"},
	}
	for _, tt := range tests {
		_, err := DecodeAnswers(tt.fragment, lists)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeAnswers(%q) = %v, want an error saying %q", tt.fragment, err, tt.want)
		}
	}
}

// FuzzDecodeAnswers feeds arbitrary fragments to the decoder: it must never
// panic, and whatever it accepts must encode back to an equivalent link.
// The seed corpus is in testdata/fuzz/FuzzDecodeAnswers.
func FuzzDecodeAnswers(f *testing.F) {
	for _, s := range []string{"states:dnx", "organizations:", "states:--d", "x:y", ":", "states:\xff", "states:2:states-ban=d,org-consent=x", "states:2:", "states:2:nope=d",
		"states:3:states-ban=d,org-consent=x:Table 3", "organizations:3::طاولة ٣", "states:3:states-ban=n:a:b,c=d", "states:3:"} {
		f.Add(s)
	}
	lists := fixture(f).Checklist.Lists
	var all []data.ChecklistItem
	for _, l := range lists {
		all = append(all, l.Items...)
	}
	f.Fuzz(func(t *testing.T, fragment string) {
		d, err := DecodeAnswers(fragment, lists)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error with no message")
			}
			return
		}
		if !slices.ContainsFunc(lists, func(l data.ChecklistList) bool { return l.ID == d.List }) {
			t.Fatalf("%q decoded to unknown list %q", fragment, d.List)
		}
		if utf8.RuneCountInString(d.Group) > MaxGroup || d.Group != CleanGroup(d.Group) {
			t.Fatalf("%q decoded to a group name Waymark would not write: %q", fragment, d.Group)
		}
		again := EncodeAnswers(d.List, all, d.Answers, d.Group)
		d2, err := DecodeAnswers(again, lists)
		if err != nil || d2.List != d.List || len(d2.Answers) != len(d.Answers) || d2.Unread != 0 || d2.Group != d.Group {
			t.Fatalf("%q decoded, re-encoded as %q, which decodes to %+v (%v)", fragment, again, d2, err)
		}
		for k, a := range d.Answers {
			if d2.Answers[k] != a {
				t.Fatalf("%q: re-encoded, item %s is %c, was %c", fragment, k, d2.Answers[k], a)
			}
		}
	})
}

// The group's name travels with every list's answers, in any script and
// with any punctuation, through a real address and back as the browser
// reads it; links made before names (versions 1 and 2) still open, with
// no name.
func TestShareCarriesTheGroupName(t *testing.T) {
	lists := fixture(t).Checklist.Lists
	var all []data.ChecklistItem
	for _, l := range lists {
		all = append(all, l.Items...)
	}
	answers := map[string]Answer{"states-ban": Done, "states-remedy": NotYet, "org-consent": NotApplicable}
	for _, name := range []string{"Table 3", "طاولة ٣", "a:b,c=d#e%f?", `"><img src=x onerror=alert(1)>`, "Équipe « verte »"} {
		u := url.URL{Scheme: "https", Host: "example.org", Path: "/w/checklist/en/", Fragment: EncodeAnswers("organizations", all, answers, name)}
		back, err := url.Parse(u.String())
		if err != nil {
			t.Fatalf("%q: the link %s does not parse: %v", name, u.String(), err)
		}
		if strings.ContainsAny(u.String()[len("https://example.org/w/checklist/en/#"):], " <>\"#") {
			t.Errorf("%q: the link %s holds a character a link must escape", name, u.String())
		}
		d, err := DecodeAnswers(back.Fragment, lists)
		if err != nil || d.Group != name || d.List != "organizations" || len(d.Answers) != 3 || d.Answers["org-consent"] != NotApplicable || d.Answers["states-ban"] != Done {
			t.Errorf("%q: the link decoded to %+v (%v)", name, d, err)
		}
	}
	for _, old := range []string{"states:-dn", "states:2:states-ban=d,states-remedy=n"} {
		d, err := DecodeAnswers(old, lists)
		if err != nil || d.Group != "" || d.Answers["states-ban"] != Done || d.Answers["states-remedy"] != NotYet {
			t.Errorf("the old link %q decoded to %+v (%v)", old, d, err)
		}
	}
}

// A name is kept as it would show: trimmed, single spaces, no control or
// direction-changing characters, at most MaxGroup characters, whatever
// the script.
func TestCleanGroupLimitsTheName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Table   3 ", "Table 3"},
		{"Table\n3\t", "Table 3"},
		{"\u202eTable\u2066", "Table"},
		{"\x00Ta\xffble\x7f", "Table"},
		{strings.Repeat("ع", 50), strings.Repeat("ع", MaxGroup)},
		{strings.Repeat("a", MaxGroup-1) + " b", strings.Repeat("a", MaxGroup-1)},
		{"<b>Table</b>", "<b>Table</b>"}, // text, never markup: shown as typed
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := CleanGroup(tt.in); got != tt.want {
			t.Errorf("CleanGroup(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := CleanGroup(tt.want); got != tt.want {
			t.Errorf("CleanGroup is not stable on %q: %q", tt.want, got)
		}
	}
}
