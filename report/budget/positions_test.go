package budget

import (
	"runtime"
	"strings"
	"testing"
)

// Room for a data file's positions is made for about its values, not its
// lines: the sample followed by 4 MB of blank lines is read with memory in
// proportion to its size. A map made for a position per line took 0.6 GB
// for it (and 2.3 GB and 8 s for 15 MB, under MaxInput).
func TestBlankLinesCostNoPositions(t *testing.T) {
	data := []byte(readSample(t) + strings.Repeat("\n", 4<<20))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b, err := Parse("padded.yaml", data)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if b.Unit.Name != "三门峡经济开发区政务服务部" {
		t.Fatalf("unit name read as %q", b.Unit.Name)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*uint64(len(data)) {
		t.Errorf("reading a %d MB file allocated %d MB", len(data)>>20, alloc>>20)
	} else {
		t.Logf("reading a %d MB file allocated %d MB", len(data)>>20, alloc>>20)
	}
}
