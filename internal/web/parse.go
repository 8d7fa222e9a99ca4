package web

import (
	"fmt"
	"io"
	"io/fs"
	"path"

	"budgetdoc/report"
	"budgetdoc/report/budget"
)

// noFiles is the folder of an upload: empty, so that an uploaded budget
// can name no file of the server's (a profile file, last year's file).
var noFiles fs.FS = emptyFS{}

type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// parseBudget reads an uploaded or listed budget — an entry workbook, YAML or
// JSON by its name's extension. The files it names (last year's, previous:;
// a profile file, profile:) are read from files only: the data folder for a
// listed budget, nothing for an upload.
func parseBudget(name string, data []byte, files fs.FS) (*report.Budget, error) {
	b, err := budget.ParseFile(name, data)
	if err != nil {
		return nil, err
	}
	b.Source.Files = files
	if b.PreviousFile == "" || files == noFiles {
		return b, nil // an upload's previous: is shown as not read (result.note)
	}
	prevName := path.Join(path.Dir(name), b.PreviousFile)
	if !fs.ValidPath(prevName) {
		return nil, report.Findings{{Severity: budget.Error, Pos: b.Source.Pos("previous"), Path: "previous",
			Message: fmt.Sprintf("上年文件 %s 不在数据文件夹中", b.PreviousFile)}}
	}
	prevData, err := readBounded(files, prevName)
	if err != nil {
		return nil, report.Findings{{Severity: budget.Error, Pos: b.Source.Pos("previous"), Path: "previous",
			Message: fmt.Sprintf("上年文件读不出来：%v", err)}}
	}
	prev, err := budget.ParseFile(prevName, prevData)
	if err != nil {
		return nil, err
	}
	prev.Source.Files = files
	b.Previous = prev
	return b, nil
}

// maxFile bounds a file read from the data folder, as an upload is bounded.
const maxFile = 16 << 20

// readBounded reads a regular file of files, at most maxFile bytes: a named
// pipe or a device in the folder must not block or fill the server.
func readBounded(files fs.FS, name string) ([]byte, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s 不是普通文件", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("%s 太大：上限为 %s", name, kilobytes(maxFile))
	}
	return data, nil
}
