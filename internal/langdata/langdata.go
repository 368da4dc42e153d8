// Package langdata holds every per-language fact pactwatch uses, one folder
// per language: <lang>/lexicon/*.tsv (cue words by kind, read by package
// lexicon), <lang>/states.tsv (names, short forms, demonyms and metonyms
// of states, read by package gazetteer) and <lang>/people/*.tsv (words that
// are never names, nouns before a base's or a ship's name, leadership nouns,
// how names decline, read by package people) and, for a script that glues
// articles and prepositions to words, <lang>/clitics.tsv (read by package
// token). The list of languages pactwatch
// reads is the list of these folders; no Go code names a language's words.
// docs/ADDING_A_LANGUAGE.md explains how to add one.
package langdata

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed */lexicon/*.tsv */states.tsv */people/*.tsv */clitics.tsv
var files embed.FS

// Langs returns the codes of the languages that have a folder, sorted.
func Langs() []string {
	dirs, err := files.ReadDir(".")
	if err != nil {
		return nil
	}
	var out []string
	for _, d := range dirs {
		if d.IsDir() {
			out = append(out, d.Name())
		}
	}
	slices.Sort(out)
	return out
}

// File is one data file of a language.
type File struct {
	Lang string // language code: the folder's name
	Name string // path inside the embedded tree, for error messages
	Data []byte
}

// Lexicon returns the lexicon files of every language, in a stable order.
func Lexicon() ([]File, error) { return collect("lexicon") }

// States returns each language's states.tsv.
func States() ([]File, error) { return collect("states.tsv") }

// Part returns each language's file at path name inside its folder
// ("people/things.tsv"), for the languages that have one.
func Part(name string) ([]File, error) { return collect(name) }

func collect(part string) ([]File, error) {
	var out []File
	for _, l := range Langs() {
		p := path.Join(l, part)
		info, err := fs.Stat(files, p)
		if err != nil {
			continue // a language may lack a part; tests check each has all
		}
		names := []string{p}
		if info.IsDir() {
			names = nil
			entries, err := files.ReadDir(p)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tsv") {
					names = append(names, path.Join(p, e.Name()))
				}
			}
		}
		for _, n := range names {
			b, err := files.ReadFile(n)
			if err != nil {
				return nil, err
			}
			out = append(out, File{Lang: l, Name: n, Data: b})
		}
	}
	return out, nil
}
