package report

import (
	"io"
	"path/filepath"
	"strings"

	"budgetdoc/report/budget"
	"budgetdoc/report/entry"
	"budgetdoc/report/msg"
)

// maxInput bounds the bytes Parse reads: a budget file is some tens of
// kilobytes, an entry workbook some hundreds.
const maxInput = 32 << 20

// Load reads a budget from a YAML or JSON file, or from an entry workbook
// (.xlsx). When the file cannot be read as a budget, the error is a
// Findings with every problem's position: file:line:column, or
// file:sheet!cell for a workbook.
//
// A budget that names last year's file (previous) has it read into
// Previous, relative to path.
func Load(path string) (*Budget, error) { return budget.Load(path) }

// Parse reads a budget from r, as Load does a file; name is the file name
// used in findings, and its extension says whether r is an entry workbook.
// Last year's file is not read: there is no folder to find it in.
func Parse(name string, r io.Reader) (*Budget, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, Findings{{Severity: budget.Error, Pos: budget.Pos{File: name},
			Message: msg.Sprintf("the file is larger than %d MB; a budget is far smaller", maxInput>>20)}}
	}
	return budget.ParseFile(name, data)
}

// IsWorkbook reports whether a file name is an entry workbook's (.xlsx).
func IsWorkbook(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// IsDataFile reports whether a file name has the extension of a data
// format: .yaml, .yml, .json or .xlsx.
func IsDataFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".xlsx":
		return true
	}
	return false
}

// Marshal writes a budget in the data format named by a file name's
// extension: .yaml or .yml, .json, or .xlsx (the entry workbook).
func Marshal(b *Budget, name string) ([]byte, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return budget.Encode(b)
	case ".json":
		return budget.EncodeJSON(b)
	case ".xlsx":
		return entry.Write(b)
	}
	return nil, msg.Errorf("%s: unknown data format %q; the formats are .yaml, .yml, .json and .xlsx", name, filepath.Ext(name))
}

// Save writes a budget to path in the format its extension names (see
// Marshal), atomically.
func Save(b *Budget, path string) error {
	data, err := Marshal(b, path)
	if err != nil {
		return err
	}
	return writeAtomic(path, data)
}
