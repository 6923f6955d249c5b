package widgets

import (
	"net/url"
	"testing"
)

func TestStrayPercentsAreEscaped(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"http://h/w/journey/en/#%zz", "http://h/w/journey/en/#%25zz"},
		{"http://h/w/journey/en/#100%", "http://h/w/journey/en/#100%25"},
		{"http://h/w/checklist/en/#organizations:%", "http://h/w/checklist/en/#organizations:%25"},
		{"http://h/w/glossary/en/#term-%E0%A4%A", "http://h/w/glossary/en/#term-%E0%A4%25A"},
		{"http://h/w/journey/en/#at", "http://h/w/journey/en/#at"},
		{"http://h/w/journey/en/#caf%C3%A9", "http://h/w/journey/en/#caf%C3%A9"},
	} {
		got := escapeStrayPercents(tt.in)
		if got != tt.want {
			t.Errorf("escapeStrayPercents(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("%q still does not parse: %v", got, err)
		}
	}
}
