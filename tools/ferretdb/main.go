// Command ferretdb runs an embedded FerretDB v1 on PostgreSQL for local runs and tests.
//
// We build this wrapper instead of `go install .../cmd/ferretdb` because that binary
// panics at start: its version file is only generated at release time.
//
// -sqlite-dir serves a data directory written by the SQLite backend we used before, and is
// used only to copy such data into PostgreSQL once (tools/ferretdb/migrate.ts).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL connection string (postgres://user@host:port/db?pool_max_conns=N)")
	sqliteDir := flag.String("sqlite-dir", "", "serve an old SQLite data directory instead (one-time migration only)")
	flag.Parse()

	config := &ferretdb.Config{Listener: ferretdb.ListenerConfig{TCP: *addr}}
	switch {
	case *pgURL != "" && *sqliteDir == "":
		config.Handler = "postgresql"
		config.PostgreSQLURL = *pgURL
	case *sqliteDir != "" && *pgURL == "":
		config.Handler = "sqlite"
		config.SQLiteURL = "file:" + *sqliteDir + "/"
	default:
		fmt.Fprintln(os.Stderr, "ferretdb: give exactly one of -postgresql-url and -sqlite-dir")
		os.Exit(2)
	}

	f, err := ferretdb.New(config)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintln(os.Stderr, "ferretdb: listening on", *addr, "with the", config.Handler, "handler")
	f.Run(ctx)
}
