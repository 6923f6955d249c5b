package build

import (
	"fmt"
	"maps"
	"slices"

	"waymark/precompress"
)

// precompress adds name.br and name.gz beside every file whose format
// compresses.
func (s site) precompress(level precompress.Level) error {
	for _, name := range slices.Sorted(maps.Keys(s)) {
		if !FormatOf(name).Compress {
			continue
		}
		br, err := precompress.Brotli(s[name], level)
		if err != nil {
			return fmt.Errorf("brotli %s: %w", name, err)
		}
		gz, err := precompress.Gzip(s[name], level)
		if err != nil {
			return fmt.Errorf("gzip %s: %w", name, err)
		}
		s[name+".br"] = br
		s[name+".gz"] = gz
	}
	return nil
}
