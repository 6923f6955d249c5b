package widgets

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"waymark/data"
)

// Answer is a reader's answer to one checklist item.
type Answer byte

// The answers, as they are written in share links and storage.
const (
	Unanswered    Answer = '-'
	Done          Answer = 'd'
	NotYet        Answer = 'n'
	NotApplicable Answer = 'x'
)

// maxShare bounds a share fragment. A real one is a list id, the version
// and, per answered item, its id and one character; anything longer was
// not made by Waymark.
const maxShare = 2048

// shareVersion is the version of the share format EncodeAnswers writes.
// Version 1 ("<list>:<codes>") numbered the items by position, so a
// reordered list moved every answer to another item; version 2 names
// each item by its id; version 3 adds the group's name after the answers.
const shareVersion = "3"

// MaxGroup is how many characters (code points) a group's name may have:
// enough for "Table 3" or a school's name in any script, short enough to
// head a column of the facilitator's table.
const MaxGroup = 40

// EncodeAnswers writes answers as a URL fragment that opens list:
// "<list>:3:<item>=<code>,<item>=<code>:<group>", each answered item by
// its id (d done, n not yet, x not applicable), in the order of items,
// then the group's name if it has one (cleaned by CleanGroup). Items can
// then be reordered, added or removed and every answer still goes to its
// own item. The name comes last because it may hold any character,
// colons and commas included: everything after the answers is the name.
// The answers live only in the fragment, which browsers never send to a
// server; url.URL escapes the name when the fragment goes into a link.
func EncodeAnswers(list string, items []data.ChecklistItem, answers map[string]Answer, group string) string {
	var b strings.Builder
	b.WriteString(list + ":" + shareVersion + ":")
	first := true
	for _, it := range items {
		a, ok := answers[it.ID]
		if !ok || a == Unanswered || !a.valid() {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(it.ID + "=" + string(a))
	}
	if g := CleanGroup(group); g != "" {
		b.WriteString(":" + g)
	}
	return b.String()
}

// CleanGroup is a group's name as Waymark keeps it: valid UTF-8, without
// control or bidirectional formatting characters (which could make a
// name display as another, or reorder the text around it), each run of
// spaces one space, trimmed, and at most MaxGroup characters.
func CleanGroup(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == utf8.RuneError {
			continue
		}
		if space {
			if n+1 >= MaxGroup {
				break
			}
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= MaxGroup {
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// checkGroup says what is wrong with a group's name read from a link;
// a name Waymark did not write is refused, not cleaned, so that a
// forged link is named as such rather than quietly shown otherwise.
func checkGroup(g string) error {
	switch {
	case !utf8.ValidString(g):
		return fmt.Errorf("the group name is not text")
	case utf8.RuneCountInString(g) > MaxGroup:
		return fmt.Errorf("the group name is longer than %d characters", MaxGroup)
	case CleanGroup(g) != g:
		return fmt.Errorf("the group name holds characters a name cannot have")
	}
	return nil
}

func (a Answer) valid() bool {
	return a == Done || a == NotYet || a == NotApplicable || a == Unanswered
}

// Decoded is what a share fragment held.
type Decoded struct {
	List    string            // the list it opens
	Answers map[string]Answer // item id -> answer, for items the checklist has
	// Unread counts the answers for items the checklist no longer has:
	// the link is older than the content.
	Unread int
	// Group is the name of the group that answered, "" if none was
	// given (and in links of versions 1 and 2, which had none).
	Group string
}

// DecodeAnswers reads a fragment written by EncodeAnswers, or by its
// versions 1 and 2. It rejects anything Waymark did not write, saying
// why, since a fragment comes from a link anyone can edit; answers to
// items the checklist no longer has are counted, not applied.
func DecodeAnswers(fragment string, lists []data.ChecklistList) (Decoded, error) {
	if len(fragment) > maxShare {
		return Decoded{}, fmt.Errorf("the link is %d characters long, more than %d", len(fragment), maxShare)
	}
	id, rest, ok := strings.Cut(fragment, ":")
	if !ok {
		return Decoded{}, fmt.Errorf("the link holds no answers")
	}
	var list *data.ChecklistList
	for i := range lists {
		if lists[i].ID == id {
			list = &lists[i]
		}
	}
	if list == nil {
		return Decoded{}, fmt.Errorf("the link names no known checklist")
	}
	if rest, ok := strings.CutPrefix(rest, shareVersion+":"); ok {
		pairs, group, _ := strings.Cut(rest, ":")
		if err := checkGroup(group); err != nil {
			return Decoded{}, err
		}
		d, err := decodeByID(id, pairs, lists)
		d.Group = group
		return d, err
	}
	if pairs, ok := strings.CutPrefix(rest, "2:"); ok {
		return decodeByID(id, pairs, lists)
	}
	return decodeByPosition(list, rest, lists)
}

// decodeByID reads the answers of versions 2 and 3: "<item>=<code>" pairs.
func decodeByID(list, pairs string, lists []data.ChecklistList) (Decoded, error) {
	d := Decoded{List: list, Answers: map[string]Answer{}}
	if pairs == "" {
		return d, nil
	}
	known := map[string]bool{}
	for _, l := range lists {
		for _, it := range l.Items {
			known[it.ID] = true
		}
	}
	seen := map[string]bool{}
	for i, pair := range strings.Split(pairs, ",") {
		item, code, ok := strings.Cut(pair, "=")
		if !ok || item == "" || len(code) != 1 || !Answer(code[0]).valid() || Answer(code[0]) == Unanswered {
			return Decoded{}, fmt.Errorf("answer %d is not an item and one of d, n or x", i+1)
		}
		if seen[item] {
			return Decoded{}, fmt.Errorf("answer %d answers an item twice", i+1)
		}
		seen[item] = true
		if !known[item] {
			d.Unread++
			continue
		}
		d.Answers[item] = Answer(code[0])
	}
	return d, nil
}

// decodeByPosition reads version 1, one code per item in the order the
// list had when version 1 links were made (ShareOrder), so they keep
// reaching their items after a reorder.
func decodeByPosition(list *data.ChecklistList, codes string, lists []data.ChecklistList) (Decoded, error) {
	order := list.ShareOrder
	if len(order) == 0 {
		for _, it := range list.Items {
			order = append(order, it.ID)
		}
	}
	if len(codes) > len(order) {
		return Decoded{}, fmt.Errorf("the link has %d answers for %d items", len(codes), len(order))
	}
	d := Decoded{List: list.ID, Answers: map[string]Answer{}}
	known := map[string]bool{}
	for _, l := range lists {
		for _, it := range l.Items {
			known[it.ID] = true
		}
	}
	for i := 0; i < len(codes); i++ {
		a := Answer(codes[i])
		if !a.valid() {
			return Decoded{}, fmt.Errorf("answer %d is not one of d, n, x or -", i+1)
		}
		switch {
		case a == Unanswered:
		case !known[order[i]]:
			d.Unread++
		default:
			d.Answers[order[i]] = a
		}
	}
	return d, nil
}
