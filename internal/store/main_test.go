package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"pactwatch/internal/event"
)

// crashEnv makes the test binary a writer that saves extractions until it
// is killed (see testKilledWriter).
const (
	crashEnv      = "PACTWATCH_CRASH_DSN"
	crashStartEnv = "PACTWATCH_CRASH_START" // the number of the first save
)

func TestMain(m *testing.M) {
	if dsn := os.Getenv(crashEnv); dsn != "" {
		if err := crashWriter(dsn); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	if benchTemp != "" {
		os.RemoveAll(benchTemp)
	}
	os.Exit(code)
}

// crashMentions are the mentions of save number i of an article: one to
// three happenings whose dates move with i, so that saves create, join,
// split and delete events.
func crashMentions(article string, i int) []event.Mention {
	day := func(d int) string { return fmt.Sprintf("2025-%02d-%02d", 1+d%12, 1+d%20) }
	ms := []event.Mention{mention(article, event.Meeting, day(i%3), "FRA", "KEN")}
	if i%2 == 0 {
		ms = append(ms, mention(article, event.Exercise, day(i%4), "IND", "JPN"))
	}
	if i%5 != 0 {
		ms = append(ms, mention(article, event.Meeting, day(7+i%2), "FRA", "KEN"))
	}
	return ms
}

// crashWriter saves extractions of the store's articles in turn, forever,
// printing "KEY SAVE" after each commit.
func crashWriter(dsn string) error {
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		return err
	}
	type art struct {
		key int64
		id  string
	}
	var arts []art
	err = s.EachArticle(ctx, func(key int64, _ string) error {
		a, err := s.Article(ctx, key)
		arts = append(arts, art{key, a.ID})
		return err
	})
	if err != nil || len(arts) == 0 {
		return fmt.Errorf("crash writer: %d articles, %v", len(arts), err)
	}
	start, _ := strconv.Atoi(os.Getenv(crashStartEnv))
	w := bufio.NewWriter(os.Stdout)
	for i := start; ; i++ {
		a := arts[i%len(arts)]
		x := Extraction{Version: strconv.Itoa(i), Text: "Save " + strconv.Itoa(i), Mentions: crashMentions(a.id, i)}
		if _, err := s.SaveExtraction(ctx, a.key, x); err != nil {
			return err
		}
		fmt.Fprintf(w, "%d %d\n", a.key, i)
		w.Flush()
	}
}

// testKilledWriter kills a writing process at a random point, many times,
// and checks that every save it reported is in the store and that the
// store is consistent.
func testKilledWriter(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	for i := range 5 {
		putArticle(t, s, fmt.Sprintf("crash-%d", i), fmt.Sprintf("Crash article %d.", i))
	}
	last := map[int64]int{} // article key -> the last save reported committed
	for round := range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+fx.dsn, crashStartEnv+"="+strconv.Itoa(round*100000))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		// Kill after a varying number of commits, and a little later still,
		// so that the kill falls inside a transaction as often as not.
		stopAt := 15 + 7*round
		n := 0
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			key, _ := strconv.ParseInt(f[0], 10, 64)
			save, _ := strconv.Atoi(f[1])
			last[key] = save
			if n++; n == stopAt {
				time.Sleep(time.Duration(round) * time.Millisecond)
				cmd.Process.Kill()
				break
			}
		}
		cmd.Wait()
		if n < stopAt {
			t.Fatalf("round %d: the writer stopped after %d saves", round, n)
		}
		for key, save := range last {
			a, err := s.Article(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			// The save could have committed after the last line was read.
			if v, _ := strconv.Atoi(a.ExtractorVersion); v < save {
				t.Errorf("round %d: article %d is at save %d, but save %d was reported committed", round, key, v, save)
			}
		}
		checkConsistent(t, s)
	}
}
