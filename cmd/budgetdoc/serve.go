package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"budgetdoc/internal/web"
	"budgetdoc/report/msg"
)

// runServe starts the local web page and serves it until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("serve", "[--addr 127.0.0.1:8080] [--data DIR] [--token-file FILE] [--max-upload MB]", stdout, stderr)
	fs := cl.fs
	addr := fs.String("addr", "127.0.0.1:8080", msg.Sprintf("listen on `HOST:PORT`; off loopback a token is required"))
	dataDir := fs.String("data", "", msg.Sprintf("list and build the budgets in `DIR`"))
	tokenFile := fs.String("token-file", "", msg.Sprintf("read the access token from `FILE` (default: a new one, printed)"))
	maxUpload := fs.Int64("max-upload", 16, msg.Sprintf("largest upload in `MB`"))
	rest, code, done := cl.parse(args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return cl.usageError(msg.Sprintf("unexpected argument %q", rest[0]))
	}
	ln, loopback, err := web.Listen(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitFail
	}
	opts := web.Options{DataDir: *dataDir, MaxUpload: *maxUpload << 20, LoopbackOnly: loopback}
	switch {
	case *tokenFile != "":
		if opts.Token, err = web.LoadToken(*tokenFile); err != nil {
			fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
			return exitUsage
		}
	case !loopback:
		opts.Token = web.NewToken()
	}
	srv, err := web.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitFail
	}
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/"
	if opts.Token != "" {
		url += "?token=" + opts.Token
	}
	msg.Fprintf(stdout, "budgetdoc's web page is running; open it in a browser: %s\nPress Ctrl+C to stop.\n", url)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitFail
	}
	return exitOK
}
