package widgets

import (
	"fmt"
	"strings"

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

// maxShare bounds a share fragment. A real one is a list id, a colon and
// one character per item; anything longer was not made by Waymark.
const maxShare = 256

// EncodeAnswers writes the answers to a list as a URL fragment,
// "<list>:<codes>", one code per item in the list's order (d done, n not
// yet, x not applicable, - unanswered), trailing unanswered items dropped.
// The answers live only in the fragment, which browsers never send to a
// server.
func EncodeAnswers(list data.ChecklistList, answers map[string]Answer) string {
	codes := make([]byte, len(list.Items))
	for i, it := range list.Items {
		a, ok := answers[it.ID]
		if !ok || !a.valid() {
			a = Unanswered
		}
		codes[i] = byte(a)
	}
	return list.ID + ":" + strings.TrimRight(string(codes), string(Unanswered))
}

func (a Answer) valid() bool {
	return a == Done || a == NotYet || a == NotApplicable || a == Unanswered
}

// DecodeAnswers reads a fragment written by EncodeAnswers. It returns the
// list's id and the answered items; it rejects anything it did not write,
// saying why, since a fragment comes from a link anyone can edit.
func DecodeAnswers(fragment string, lists []data.ChecklistList) (string, map[string]Answer, error) {
	if len(fragment) > maxShare {
		return "", nil, fmt.Errorf("the link is %d characters long, more than %d", len(fragment), maxShare)
	}
	id, codes, ok := strings.Cut(fragment, ":")
	if !ok {
		return "", nil, fmt.Errorf("the link holds no answers")
	}
	var list *data.ChecklistList
	for i := range lists {
		if lists[i].ID == id {
			list = &lists[i]
		}
	}
	if list == nil {
		return "", nil, fmt.Errorf("the link names no known checklist")
	}
	if len(codes) > len(list.Items) {
		return "", nil, fmt.Errorf("the link has %d answers for %d items", len(codes), len(list.Items))
	}
	answers := map[string]Answer{}
	for i := 0; i < len(codes); i++ {
		a := Answer(codes[i])
		if !a.valid() {
			return "", nil, fmt.Errorf("answer %d is not one of d, n, x or -", i+1)
		}
		if a != Unanswered {
			answers[list.Items[i].ID] = a
		}
	}
	return id, answers, nil
}
