package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"sort"
)

// canonicalZip rewrites a workbook's zip with its entries in a fixed order
// ([Content_Types].xml first, then by name) and no timestamps: excelize
// writes streamed sheets in map order, which would make two builds of the
// same data differ.
func canonicalZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		// Each entry's compressed bytes are copied as they are: excelize
		// compresses an entry the same way every time, only the order and
		// the times differ.
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: f.Name, Method: f.Method, CRC32: f.CRC32,
			CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64,
		})
		if err != nil {
			return nil, err
		}
		r, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, r); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
