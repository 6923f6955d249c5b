package data

import (
	"regexp"
	"testing"
)

// The hand-written id check accepts exactly what the schema's pattern
// tells an editor an id may be.
func TestIDCheckFollowsTheSchemaPattern(t *testing.T) {
	pattern := regexp.MustCompile(idPattern)
	for _, s := range []string{
		"", "a", "social-media-monitoring", "eu-2019", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "9", "a-9-b", "at-", "--",
	} {
		if got, want := isID(s), pattern.MatchString(s); got != want {
			t.Errorf("isID(%q) = %v; the schema's pattern says %v", s, got, want)
		}
	}
}
