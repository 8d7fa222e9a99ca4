package budget

import (
	"fmt"
	"io/fs"
	"strings"

	"budgetdoc/report/msg"
)

// Pos is a place in a data file. Line and Col count from 1; zero means
// unknown. A value read from a workbook has its Cell (项目表!F12) instead.
type Pos struct {
	File      string
	Line, Col int
	Cell      string
}

// String is file:line:col, or file:sheet!cell for a workbook, leaving out
// what is unknown.
func (p Pos) String() string {
	s := p.File
	if p.Cell != "" {
		return s + ":" + p.Cell
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Source records where each field of a loaded budget was read, by field
// path (rows[3].amount).
type Source struct {
	File string
	// Files, when set, is where the files this one names (a profile file)
	// are read from, by paths relative to File's folder that stay inside
	// it; a server sets it to its data folder, or to an empty one for an
	// upload, so that a budget can name nothing else. Nil means the
	// operating system's files, as a command line user gives them.
	Files     fs.FS
	positions map[string]Pos
	// keys are where the top-level keys were written (reasons:), which
	// for a list is not where its value starts (its first entry).
	keys map[string]Pos
	// Warnings are what loading found that does not stop a build (a file
	// read as GBK); Check reports them first.
	Warnings Findings
}

// Pos returns where the value at path was read. A path that was not read
// (a missing field) gives the position of its nearest parent that was.
func (s Source) Pos(path string) Pos {
	for p := path; ; {
		if pos, ok := s.positions[p]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			return Pos{File: s.File}
		}
		p = p[:i]
	}
}

// Record notes that the value at path was read at pos; readers of other
// formats (the entry workbook) use it to give their positions.
func (s *Source) Record(path string, pos Pos) { s.record(path, pos) }

// Lookup returns where the value at path itself was read, and whether it
// was.
func (s Source) Lookup(path string) (Pos, bool) {
	pos, ok := s.positions[path]
	return pos, ok
}

// KeyPos returns where the top-level key name (reasons) was written, and
// whether it was.
func (s Source) KeyPos(name string) (Pos, bool) {
	pos, ok := s.keys[name]
	return pos, ok
}

func (s *Source) recordKey(name string, pos Pos) {
	if s.keys == nil {
		s.keys = make(map[string]Pos)
	}
	s.keys[name] = pos
}

func (s *Source) record(path string, pos Pos) {
	if s.positions == nil {
		s.positions = make(map[string]Pos)
	}
	s.positions[path] = pos
}

// Severity grades a finding: errors stop a build, warnings are printed.
type Severity int

// The severities, least first.
const (
	Warning Severity = iota
	Error
)

// String is "错误" or "警告" (in English "error" or "warning").
func (s Severity) String() string {
	if s == Error {
		return msg.Sprintf("error")
	}
	return msg.Sprintf("warning")
}

// Finding is one problem found while loading or checking a budget. Its
// message is made in the language set in package msg.
type Finding struct {
	Severity Severity
	Pos      Pos
	Path     string // the field path, rows[3].amount
	Message  string
}

// String is the finding as the command prints it:
// data/x.yaml:41:13: 错误：rows[3].amount（金额）：message, or in English
// data/x.yaml:41:13: error: rows[3].amount: message.
func (f Finding) String() string {
	var b strings.Builder
	if loc := f.Pos.String(); loc != "" {
		b.WriteString(loc + ": ")
	}
	if f.Path == "" {
		b.WriteString(msg.Sprintf("%s: %s", f.Severity, f.Message))
		return b.String()
	}
	path := f.Path
	if label := FieldLabel(f.Path); label != "" && msg.IsChinese() {
		path += "（" + label + "）"
	}
	b.WriteString(msg.Sprintf("%s: %s: %s", f.Severity, path, f.Message))
	return b.String()
}

// Findings is a list of findings. As an error it stands for the errors in
// it; ranging over it gives each finding.
type Findings []Finding

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Error lists the findings, one a line.
func (fs Findings) Error() string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return strings.Join(lines, "\n")
}
