// Command pactwatch extracts security-cooperation events between states
// from news pages and scores them against gold files.
//
//	pactwatch extract [--format jsonl|json|table] [--published YYYY-MM-DD] PATH...
//	pactwatch eval --gold DIR [--json] [--verbose] PATH...
//	pactwatch bench [--rounds N] [--cpuprofile FILE] PATH...
package main

import (
	"fmt"
	"os"
)

const usage = `usage:
  pactwatch extract [--format jsonl|json|table] [--published YYYY-MM-DD] PATH...
  pactwatch eval --gold DIR [--json] [--verbose] PATH...
  pactwatch bench [--rounds N] [--cpuprofile FILE] PATH...

PATH is a .txt, .html or .htm file, a folder (read recursively) or - for stdin.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var code int
	switch os.Args[1] {
	case "extract":
		code = runExtract(os.Args[2:])
	case "eval":
		code = runEval(os.Args[2:])
	case "bench":
		code = runBench(os.Args[2:])
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "pactwatch: unknown command %q\n%s", os.Args[1], usage)
		code = 2
	}
	os.Exit(code)
}
