package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"sort"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// sortedZip is the workbook's zip as excelize writes it, made
// deterministic: excelize writes streamed sheets in map order, so the
// entries are kept until Close and then written in a fixed order
// ([Content_Types].xml first, then by name), with no timestamps. Each is
// deflated once, by klauspost/compress: archive/zip's deflate, and then
// copying its zip in order, took 40% of the workbook's time, for a file
// 10% smaller (the 2024 example's: 39 KB against 43 KB).
type sortedZip struct {
	out     io.Writer
	entries map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{out: w, entries: make(map[string]*bytes.Buffer)}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	z.entries[name] = b
	return b, nil
}

// AddFS is part of excelize's interface; excelize does not call it.
func (z *sortedZip) AddFS(fs.FS) error { return errors.ErrUnsupported }

func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.entries))
	for name := range z.entries {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	zw := zip.NewWriter(z.out)
	// A stateless deflater: one at the fastest level holds 830 KB once
	// used, which a cold build paid for page by page; this keeps nothing
	// between entries, for a file 0.5% larger.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewStatelessWriter(w), nil
	})
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := z.entries[name].WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}
