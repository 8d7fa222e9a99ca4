// Command cold runs a command several times, each a new process, and prints
// the best and the median wall time in milliseconds (to a tenth) and the
// most memory any run held (peak RSS, KB), for bench/run:
//
//	go run ./bench/cold -n 7 -- ./budgetdoc build -o out data.yaml
//	→ 91.4 96.0 45120
//
// GNU time's elapsed figure, which bench/run read before, has 10 ms steps;
// timing from the shell with date adds the start of date itself, 5-20 ms
// here.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 7, "how many runs")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: cold [-n N] -- COMMAND [ARGS...]")
		os.Exit(2)
	}
	var walls []float64
	var peak int64
	for range *n {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "cold: %v\n", err)
			os.Exit(1)
		}
		walls = append(walls, float64(time.Since(start).Microseconds())/1000)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss) // KB on Linux
		}
	}
	slices.Sort(walls)
	fmt.Printf("%.1f %.1f %d\n", walls[0], walls[len(walls)/2], peak)
}
