package entry

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"

	"budgetdoc/report/msg"
)

// The limits of an entry workbook. A real one is a few hundred kilobytes
// unzipped with some tens of thousands of cells (the 2024 example: 30,000,
// most of them the formatted empty rows); these stop a hostile file (a zip
// bomb, millions of cells or shared strings) before excelize holds it in
// memory. Reading costs about 3 KB and 30 µs a cell, so 200,000 cells are
// some 600 MB and 6 s at worst (891,000 cells took 2.55 GB and 27 s).
const (
	maxUnzipped      = 32 << 20
	maxCells         = 200_000
	maxSharedStrings = 200_000
	maxEntries       = 10_000
	// maxRow bounds the rows of a sheet: excelize holds every row up to the
	// last in memory, so one cell at XFD1048576 would cost a million rows.
	maxRow = 20_000
)

// checkArchive unzips the workbook once, counting what it really holds
// (the sizes a zip declares may lie), and says which limit it passes.
func checkArchive(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return msg.Errorf("the file is not an XLSX workbook (it cannot be read as a zip archive: %v)", err)
	}
	if len(zr.File) > maxEntries {
		return msg.Errorf("the workbook holds %d parts, more than %d", len(zr.File), maxEntries)
	}
	var total int64
	cells, strs := 0, 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return msg.Errorf("the workbook's part %s cannot be read: %v", f.Name, err)
		}
		var buf bytes.Buffer
		n, err := io.Copy(&buf, io.LimitReader(rc, maxUnzipped-total+1))
		rc.Close()
		if err != nil {
			return msg.Errorf("the workbook's part %s cannot be unzipped: %v", f.Name, err)
		}
		if total += n; total > maxUnzipped {
			return msg.Errorf("the workbook unzips to more than %d MB; an entry workbook is far smaller", maxUnzipped>>20)
		}
		name := strings.ToLower(f.Name)
		switch {
		case strings.HasPrefix(name, "xl/worksheets/"):
			cells += countElements(buf.Bytes(), "c")
			if row := lastRow(buf.Bytes()); row > maxRow {
				return msg.Errorf("a sheet has a cell on row %d, beyond the %d rows an entry workbook may have; delete what is there", row, maxRow)
			}
		case name == "xl/sharedstrings.xml":
			strs += countElements(buf.Bytes(), "si")
		}
	}
	if cells > maxCells {
		return msg.Errorf("the workbook has %d cells, more than %d", cells, maxCells)
	}
	if strs > maxSharedStrings {
		return msg.Errorf("the workbook has %d shared texts, more than %d", strs, maxSharedStrings)
	}
	return nil
}

// countElements counts the start tags of an element in XML: <c>, <c …>,
// <c/> and, with a namespace prefix, <x:c …> (whose end tag </x:c> is not
// counted).
func countElements(xml []byte, name string) int {
	n := 0
	for _, tag := range []string{"<" + name + ">", "<" + name + " ", "<" + name + "/", ":" + name + " ", ":" + name + "/"} {
		n += bytes.Count(xml, []byte(tag))
	}
	return n
}

var rowNumber = regexp.MustCompile(`<(?:\w+:)?row[^>]*?\sr="(\d+)"`)

// lastRow is the highest row number in a worksheet's XML.
func lastRow(xml []byte) int {
	last := 0
	for _, m := range rowNumber.FindAllSubmatch(xml, -1) {
		if n, err := strconv.Atoi(string(m[1])); err == nil && n > last {
			last = n
		}
	}
	return last
}

// IsEntryWorkbook reports whether the file at path is an entry workbook:
// an XLSX whose workbook part names the first entry sheet. It reads only
// that part, so a folder's other workbooks (the disclosures build wrote
// there) are told apart cheaply.
func IsEntryWorkbook(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		data, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		return bytes.Contains(data, []byte(`name="`+sheets[0].Name+`"`))
	}
	return false
}
