package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"budgetdoc/internal/testtool"
)

// rawStream is a stream of a PDF as qpdf reads it: its dictionary and its
// bytes as stored, not decoded.
type rawStream struct {
	obj  string
	dict map[string]any
	data []byte
}

// rawStreams reads every stream of the PDF at path with qpdf.
func rawStreams(t *testing.T, path string) []rawStream {
	t.Helper()
	dir := t.TempDir()
	out := testtool.Run(t, "qpdf", "--json", "--json-stream-data=file", "--json-stream-prefix="+filepath.Join(dir, "s"),
		"--decode-level=none", path)
	var doc struct{ Qpdf []json.RawMessage } // its header, then the objects
	var objects map[string]struct {
		Stream *struct {
			Dict     map[string]any
			Datafile string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Qpdf) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objects); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var streams []rawStream
	for obj, o := range objects {
		if o.Stream == nil {
			continue
		}
		data, err := os.ReadFile(o.Stream.Datafile)
		if err != nil {
			t.Fatal(err)
		}
		streams = append(streams, rawStream{obj, o.Stream.Dict, data})
	}
	return streams
}

// inflate decodes a FlateDecode stream with the standard library's zlib
// reader, which checks the header and, at the end, the Adler-32 checksum
// (qpdf --check and poppler accept a wrong checksum).
func inflate(s rawStream) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(s.data))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return data, r.Close()
}

// Every compressed stream of the 2024 example's PDF, pages and fonts, is
// a whole zlib stream: gofpdf writes the zlib framing around the deflated
// data itself. A font file inflates to its declared /Length1.
func TestStreamsAreWholeZlibStreams(t *testing.T) {
	path := renderFile(t, disclosure(t, "../../data/examples/qingchuan-culture-2024.yaml"))
	flate, fontFiles := 0, 0
	for _, s := range rawStreams(t, path) {
		if s.dict["/Filter"] != "/FlateDecode" {
			continue
		}
		flate++
		data, err := inflate(s)
		if err != nil {
			t.Errorf("%s: %v", s.obj, err)
			continue
		}
		if n, ok := s.dict["/Length1"].(float64); ok {
			fontFiles++
			if int(n) != len(data) {
				t.Errorf("%s: a font file of /Length1 %d inflates to %d bytes", s.obj, int(n), len(data))
			}
		}
	}
	// 24 pages and five faces, one with its half-width marks
	if flate < 24+5 || fontFiles < 5 {
		t.Errorf("%d compressed streams, %d font files: the streams were not read", flate, fontFiles)
	}
}

// A page's stream inflates to exactly what was drawn on it, at the sizes
// where deflate's blocks and window end (64 KB and a byte either side)
// and at megabytes of incompressible data, and the file is the same each
// time it is written.
func TestPageStreamsOfEverySize(t *testing.T) {
	write := func(payload []byte) []byte {
		pdf := gofpdf.New("P", "pt", "A4", "")
		pdf.SetCatalogSort(true)
		date := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
		pdf.SetCreationDate(date)
		pdf.SetModificationDate(date)
		pdf.AddPage()
		pdf.RawWriteStr(string(payload))
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	page := func(file []byte) []byte {
		t.Helper()
		path := filepath.Join(t.TempDir(), "page.pdf")
		if err := os.WriteFile(path, file, 0o644); err != nil {
			t.Fatal(err)
		}
		var contents []byte
		for _, s := range rawStreams(t, path) {
			if s.dict["/Filter"] == "/FlateDecode" {
				if contents != nil {
					t.Fatal("more than one compressed stream")
				}
				data, err := inflate(s)
				if err != nil {
					t.Fatalf("%s: %v", s.obj, err)
				}
				contents = data
			}
		}
		return contents
	}
	// What gofpdf writes on every page, and after the payload.
	empty := page(write(nil))
	before := len(empty) - 1
	if before < 0 || empty[before] != '\n' {
		t.Fatalf("an empty page's stream is %q", empty)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{before + 2, 1 << 15, 1<<16 - 1, 1 << 16, 1<<16 + 1, 3 << 20} {
		for _, kind := range []string{"random", "text"} {
			payload := make([]byte, size-before-1)
			for i := range payload {
				if kind == "random" {
					payload[i] = byte(rnd.Uint32())
				} else {
					payload[i] = "0 0 m 10 10 l S\n"[i%16]
				}
			}
			file := write(payload)
			got := page(file)
			name := kind + " " + strconv.Itoa(size)
			if len(got) != size || !bytes.Equal(got[:before], empty[:before]) ||
				!bytes.Equal(got[before:size-1], payload) || got[size-1] != '\n' {
				t.Errorf("%s: the page's stream inflates to %d bytes, not what was drawn", name, len(got))
			}
			if !bytes.Equal(write(payload), file) {
				t.Errorf("%s: two files of the same page differ", name)
			}
		}
	}
}
