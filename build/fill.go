package build

import (
	"encoding/json"
	"fmt"
	"strings"
)

// fill puts what only the build knows into a script of web/: each token,
// a bare name the source holds exactly once, becomes its value as JSON,
// or as itself if it is jsCode. A token not found is an error, so a
// renamed one cannot ship unfilled.
func fill(name, src string, values map[string]any) ([]byte, error) {
	for token, v := range values {
		if n := strings.Count(src, token); n != 1 {
			return nil, fmt.Errorf("web/%s: %s appears %d times, want once", name, token, n)
		}
		var text string
		if code, ok := v.(jsCode); ok {
			text = string(code)
		} else {
			b, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("web/%s: %s: %w", name, token, err)
			}
			text = string(b)
		}
		src = strings.Replace(src, token, text, 1)
	}
	return []byte(src), nil
}

// jsCode is JavaScript the build wrote, which fill puts in as it is.
type jsCode string
