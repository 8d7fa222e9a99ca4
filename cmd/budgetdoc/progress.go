package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"budgetdoc/report/msg"
)

// progress shows how far a batch is on stderr: a bar with counts and the
// current file on a terminal, a plain line per file otherwise, nothing with
// --quiet.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	quiet bool
	total int
	done  int
	stage string
	drawn bool
}

func newProgress(w io.Writer, quiet bool, total int) *progress {
	p := &progress{w: w, quiet: quiet, total: total}
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

// start begins a stage (checking, building) at zero.
func (p *progress) start(stage string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.done = stage, 0
}

// step records that one more file of the stage is done.
func (p *progress) step(file string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if p.quiet || p.total < 2 {
		return
	}
	if !p.tty {
		if p.stage == "building" {
			fmt.Fprintf(p.w, "budgetdoc: [%d/%d] %s\n", p.done, p.total, file)
		}
		return
	}
	const width = 30
	filled := width * p.done / p.total
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	stage := msg.Sprintf("checking")
	if p.stage == "building" {
		stage = msg.Sprintf("building")
	}
	fmt.Fprintf(p.w, "\r\033[K%s %s %d/%d %s", stage, bar, p.done, p.total, filepath.Base(file))
	p.drawn = true
}

// clear removes the bar so that other output starts on a clean line.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

// summary says that the whole batch was built.
func (p *progress) summary(n int) {
	if !p.quiet && n > 1 {
		msg.Fprintf(p.w, "budgetdoc: built %d budgets\n", n)
	}
}
