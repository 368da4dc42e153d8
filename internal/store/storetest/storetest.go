// Package storetest gives tests a database of their own on the throwaway
// PostgreSQL server that scripts/pg-test.sh starts. Only tests import it; it
// knows nothing about the store's schema.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Env names the test server's URL; scripts/pg-test.sh sets it.
const Env = "PACTWATCH_TEST_PG"

// FreshPostgres creates an empty database for one test or benchmark on the
// server Env names, drops it when the test ends, and returns its URL. It
// skips the test, saying why, when no server is named.
func FreshPostgres(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		tb.Skip("PostgreSQL not available: set PACTWATCH_TEST_PG (scripts/pg-test.sh does)")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	name := "t_" + hex.EncodeToString(b) // made here, never from input
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	u.Path = "/" + name
	return u.String()
}
