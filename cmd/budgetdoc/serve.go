package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"budgetdoc/internal/web"
)

// runServe starts the local web page and serves it until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "serve [--addr 127.0.0.1:8080] [--data DIR] [--token-file FILE] [--max-upload MB]", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`; off loopback a token is required")
	dataDir := fs.String("data", "", "list and build the budgets in `DIR`")
	tokenFile := fs.String("token-file", "", "read the access token from `FILE` (default: a new one, printed)")
	maxUpload := fs.Int64("max-upload", 16, "largest upload in `MB`")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "budgetdoc serve: unexpected argument %q\n", rest[0])
		fs.Usage()
		return exitUsage
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
	fmt.Fprintf(stdout, "budgetdoc 网页已启动，请在浏览器中打开：%s\n按 Ctrl+C 停止。\n", url)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitFail
	}
	return exitOK
}
