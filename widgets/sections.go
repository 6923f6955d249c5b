package widgets

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// sections lets a widget whose parts show one at a time (the journey's
// stages, the checklist's lists) open the part a fragment names: the part
// itself, something inside it, or a citation marker inside it. Unknown
// fragments open nothing: a fragment comes from a URL anyone can write.
type sections struct {
	owner map[string]string // id -> the part that holds it
	cites *sourceList
}

func newSections(cites *sourceList) *sections {
	return &sections{owner: map[string]string{}, cites: cites}
}

// add records a part and the ids of what it holds.
func (s *sections) add(part string, children ...string) {
	s.owner[part] = part
	for _, id := range children {
		s.owner[id] = part
	}
}

// partOf returns the part that fragment names or holds; ok is false when
// it names nothing the widget has.
func (s *sections) partOf(fragment string) (part string, ok bool) {
	if p, ok := s.cites.ownerOf(fragment); ok && p != "" {
		return p, true
	}
	part, ok = s.owner[fragment]
	return part, ok
}

// follow handles a fragment that changed after load (a link, the back
// button): it opens the part that holds what the fragment names and, for
// a citation marker or a source entry, moves focus there.
func (s *sections) follow(ctx app.Context, fragment string, open func(part string), anchor func(id string) string) {
	if p, ok := s.partOf(fragment); ok {
		open(p)
	}
	if s.cites.isSourceFragment(fragment) {
		jumpTo(ctx, anchor(fragment))
	}
}
