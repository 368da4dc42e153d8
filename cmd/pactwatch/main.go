// Command pactwatch extracts security-cooperation events between states
// from news pages, keeps them in an event store (SQLite by default,
// PostgreSQL for teams) merged across sources and languages, and exports
// them. Run `pactwatch help` for the commands; each has --help.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"pactwatch/internal/pipeline"
)

// version is the program's version; the build may set it with
// -ldflags "-X main.version=...".
var version = "0.3.0-dev"

// command is one subcommand: its usage line, what it does, and its run
// function, which returns the exit status.
type command struct {
	name, args, summary string
	run                 func(args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"extract", "[--format jsonl|json|table] [--published YYYY-MM-DD] [--explain] PATH...",
			"Extract events from pages and print them (no store).", runExtract},
		{"eval", "--gold DIR [--json] [--verbose] [--published YYYY-MM-DD] PATH...",
			"Extract events from pages and score them against gold files.", runEval},
		{"bench", "[--rounds N] [--cpuprofile FILE] PATH...",
			"Measure extraction speed and memory on pages.", runBench},
		{"ingest", "[--db DSN] [--workers N] [--feed URL]... [--published YYYY-MM-DD] SOURCE...",
			"Read pages, JSONL, WARC files, URLs and feeds into the event store and merge their events.", runIngest},
		{"watch", "[--db DSN] [--every 15m] [--workers N] --feed URL...",
			"Poll feeds and ingest new items until stopped.", runWatch},
		{"work", "[--db DSN] [--workers N]",
			"Run jobs queued by ingest, watch and reprocess on this machine until stopped (scale-out on PostgreSQL).", runWork},
		{"events", "[--db DSN] [--country ISO3]... [--type T]... [--stage S] [--since D] [--until D] [--q TEXT] [--review R] [--format table|jsonl|csv] [--limit N]",
			"Query the merged events in the store.", runEvents},
		{"export", "[--db DSN] --format jsonl|csv|graphml|geojson|dyadyear [--review R] [--out FILE]",
			"Export the store's events for other tools.", runExport},
		{"reprocess", "[--db DSN] [--workers N] [--outdated]",
			"Re-extract stored articles with this extractor and rebuild the merged events.", runReprocess},
		{"serve", "[--db DSN] [--addr 127.0.0.1:8080] [--token T] [--read-only] [--workers N]",
			"Serve the analyst's workbench: a JSON API and the web app over the store, with review and alerts.", runServe},
		{"generate", "[--db DSN] [--events N] [--seed N]",
			"Fill a store with generated events (for benchmarks).", runGenerate},
	}
}

func usage() string {
	var b strings.Builder
	b.WriteString("pactwatch: security-cooperation events between states, from news pages.\n\nusage:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  pactwatch %s %s\n      %s\n", c.name, c.args, c.summary)
	}
	b.WriteString(`  pactwatch --version

PATH is a .txt, .html or .htm file, a folder (read recursively) or - for stdin.
SOURCE is a PATH, a .jsonl file of articles, a .warc/.warc.gz file, or an http(s) URL.
DSN is an SQLite file (default ./pactwatch.db) or a postgres:// URL.
Run 'pactwatch COMMAND --help' for a command's flags.
`)
	return b.String()
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage())
		os.Exit(2)
	}
	name := os.Args[1]
	switch name {
	case "help", "-h", "--help":
		fmt.Print(usage())
		return
	case "version", "--version", "-version":
		fmt.Printf("pactwatch %s (extractor %s)\n", version, pipeline.Version)
		return
	}
	for _, c := range commands {
		if c.name == name {
			os.Exit(c.run(os.Args[2:]))
		}
	}
	fmt.Fprintf(os.Stderr, "pactwatch: unknown command %q\n%s", name, usage())
	os.Exit(2)
}

// newFlags makes a command's flag set; its --help prints the usage line,
// the summary and the flags.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		for _, c := range commands {
			if c.name == name {
				fmt.Fprintf(fs.Output(), "usage: pactwatch %s %s\n\n%s\n\nflags:\n", c.name, c.args, c.summary)
			}
		}
		fs.PrintDefaults()
	}
	return fs
}

// parse reads flags wherever they stand, before or after the paths ("--"
// ends the flags). It returns the exit status to use when parsing ends the
// command: 0 for --help, 2 for a bad flag; -1 to go on.
func parse(fs *flag.FlagSet, args []string) (positional []string, code int) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0
			}
			return nil, 2
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, -1
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), -1
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }

func (s *stringList) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*s = append(*s, x)
		}
	}
	return nil
}
