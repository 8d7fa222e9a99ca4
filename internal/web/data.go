package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"budgetdoc/report"
	"budgetdoc/report/budget"
)

// dataDir is the --data folder. It is opened as an os.Root, so no name —
// whatever a request or a data file says — reaches outside it.
type dataDir struct {
	root *os.Root
	// files is root as the fs.FS handed to the budget reader and the
	// profile loader; its Open never blocks (see nonBlockingFS).
	files fs.FS

	// The listing's statuses are kept while no file of the folder changes:
	// checking a bureau's hundred budgets on every visit would be slow.
	mu       sync.Mutex
	version  string
	statuses []budgetFile
}

func openDataDir(dir string) (*dataDir, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &dataDir{root: root, files: nonBlockingFS{root}}, nil
}

// nonBlockingFS opens the folder's files with O_NONBLOCK. A plain open of a
// named pipe waits for a writer, so a budget whose previous: or profile:
// names a FIFO in the folder would hang its request — and the front page,
// which checks every budget under one lock — before any Stat could refuse
// it. With O_NONBLOCK the open returns at once and the readers' regular-file
// check refuses the pipe; on a regular file the flag changes nothing.
type nonBlockingFS struct{ root *os.Root }

func (f nonBlockingFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// budgetFile is one budget of the folder, as listed.
type budgetFile struct {
	Name     string
	Status   string // 通过, 有提示, 有错误
	Class    string // ok, warning, error
	Errors   int
	Warnings int
}

// dataExtensions are the files the folder listing shows.
var dataExtensions = []string{".yaml", ".yml", ".json", ".xlsx"}

// names lists the folder's budget files in name order.
func (d *dataDir) names() ([]string, error) {
	entries, err := fs.ReadDir(d.root.FS(), ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && slices.Contains(dataExtensions, strings.ToLower(filepath.Ext(e.Name()))) &&
			!strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "~$") && !strings.HasSuffix(e.Name(), ".schema.json") {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// read returns a listed file's bytes; a name that is not one of the listed
// files is refused, so a request can name nothing else.
func (d *dataDir) read(name string) ([]byte, error) {
	names, err := d.names()
	if err != nil {
		return nil, err
	}
	if !slices.Contains(names, name) {
		return nil, fs.ErrNotExist
	}
	return readBounded(d.files, name)
}

// version names the state of the folder: every file's name, size and time.
func (d *dataDir) stateVersion() (string, error) {
	entries, err := fs.ReadDir(d.root.FS(), ".")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
	}
	return b.String(), nil
}

// status checks every budget of the folder for the listing, or returns the
// statuses of the last listing when nothing in the folder changed since.
func (s *Server) status(ctx context.Context) ([]budgetFile, error) {
	version, err := s.data.stateVersion()
	if err != nil {
		return nil, err
	}
	s.data.mu.Lock()
	defer s.data.mu.Unlock()
	if version == s.data.version {
		return s.data.statuses, nil
	}
	names, err := s.data.names()
	if err != nil {
		return nil, err
	}
	var files []budgetFile
	for _, name := range names {
		f := budgetFile{Name: name}
		findings := s.checkData(ctx, name)
		for _, x := range findings {
			if x.Severity == budget.Error {
				f.Errors++
			} else {
				f.Warnings++
			}
		}
		switch {
		case f.Errors > 0:
			f.Status, f.Class = fmt.Sprintf("%d 个错误", f.Errors), "error"
		case f.Warnings > 0:
			f.Status, f.Class = fmt.Sprintf("通过，%d 个提示", f.Warnings), "warning"
		default:
			f.Status, f.Class = "通过", "ok"
		}
		files = append(files, f)
	}
	s.data.version, s.data.statuses = version, files
	return files, nil
}

// checkData loads and checks one file of the folder.
func (s *Server) checkData(ctx context.Context, name string) report.Findings {
	data, err := s.data.read(name)
	if err != nil {
		return report.Findings{{Severity: budget.Error, Pos: budget.Pos{File: name}, Message: err.Error()}}
	}
	b, err := parseBudget(name, data, s.data.files)
	var findings report.Findings
	if errors.As(err, &findings) {
		return findings
	} else if err != nil {
		return report.Findings{{Severity: budget.Error, Pos: budget.Pos{File: name}, Message: err.Error()}}
	}
	return s.builder.Check(b)
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	page := map[string]any{"MaxUpload": kilobytes(s.opts.MaxUpload), "PageTitle": "首页", "Profiles": builtinProfiles()}
	if s.data != nil {
		files, err := s.status(r.Context())
		if err != nil {
			s.fail(w, err)
			return
		}
		page["Data"] = files
		page["HasData"] = true
	}
	s.render(w, r, "index.html", page)
}

// openData shows one budget of the folder as if it had been uploaded.
func (s *Server) openData(w http.ResponseWriter, r *http.Request) {
	if !s.formCSRF(w, r) {
		return
	}
	if s.data == nil {
		http.Error(w, "没有设置数据文件夹（--data）", http.StatusNotFound)
		return
	}
	name := r.PostForm.Get("name")
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, `/\`) || strings.Contains(name, "..") {
		http.Error(w, "无效的文件名", http.StatusBadRequest)
		return
	}
	data, err := s.data.read(name)
	if errors.Is(err, fs.ErrNotExist) {
		http.Error(w, "数据文件夹里没有这个文件", http.StatusNotFound)
		return
	} else if err != nil {
		s.fail(w, err)
		return
	}
	res, err := s.process(r.Context(), name, data, s.data.files)
	if err != nil {
		s.fail(w, err)
		return
	}
	http.Redirect(w, r, "/r/"+res.id, http.StatusSeeOther)
}

// batchJob builds every passing budget of the folder into one zip.
type batchJob struct {
	id      string
	mu      sync.Mutex
	total   int
	done    int
	built   []string
	skipped []string // names with errors
	zip     []byte
	err     error
}

func (j *batchJob) finished() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.zip != nil || j.err != nil
}

func (j *batchJob) snapshot() map[string]any {
	j.mu.Lock()
	defer j.mu.Unlock()
	finished := j.zip != nil || j.err != nil
	percent := 0
	if j.total > 0 {
		percent = j.done * 100 / j.total
	}
	errText := ""
	if j.err != nil {
		errText = j.err.Error()
	}
	return map[string]any{"ID": j.id, "Total": j.total, "Done": j.done, "Percent": percent,
		"Built": slices.Clone(j.built), "Skipped": slices.Clone(j.skipped), "Finished": finished,
		"Err": errText, "Size": int64(len(j.zip))}
}

func (s *Server) buildAll(w http.ResponseWriter, r *http.Request) {
	if !s.formCSRF(w, r) {
		return
	}
	if s.data == nil {
		http.Error(w, "没有设置数据文件夹（--data）", http.StatusNotFound)
		return
	}
	names, err := s.data.names()
	if err != nil {
		s.fail(w, err)
		return
	}
	j, started := s.jobs.startBatch(len(names))
	if started {
		go s.runBatch(j, names)
	}
	http.Redirect(w, r, "/jobs/"+j.id, http.StatusSeeOther)
}

// runBatch builds the folder one budget at a time, each holding a build
// slot, so a bureau's batch shares the server with the people using it.
func (s *Server) runBatch(j *batchJob, names []string) {
	var docs []report.Document
	for _, name := range names {
		data, err := s.data.read(name)
		var built []report.Document
		if err == nil {
			var b *report.Budget
			if b, err = parseBudget(name, data, s.data.files); err == nil {
				if err = s.builds.Acquire(context.Background(), 1); err == nil {
					built, err = s.builder.Documents(b, report.PDF, report.XLSX)
					s.builds.Release(1)
				}
			}
		}
		j.mu.Lock()
		j.done++
		if err != nil {
			j.skipped = append(j.skipped, name)
		} else {
			j.built = append(j.built, name)
			docs = append(docs, built...)
		}
		j.mu.Unlock()
	}
	data, err := zipFiles(docs)
	j.mu.Lock()
	j.zip, j.err = data, err
	if err == nil && j.zip == nil {
		j.zip = []byte{}
	}
	j.mu.Unlock()
}

// lookupBatch returns the batch job the request names, or writes 400/404.
func (s *Server) lookupBatch(w http.ResponseWriter, r *http.Request) *batchJob {
	id := pathID(w, r)
	if id == "" {
		return nil
	}
	j := s.jobs.batch(id)
	if j == nil {
		http.Error(w, "找不到这个任务", http.StatusNotFound)
	}
	return j
}

func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) {
	j := s.lookupBatch(w, r)
	if j == nil {
		return
	}
	page := j.snapshot()
	page["PageTitle"], page["Refresh"] = "批量生成", !page["Finished"].(bool)
	s.render(w, r, "job.html", page)
}

func (s *Server) jobZip(w http.ResponseWriter, r *http.Request) {
	j := s.lookupBatch(w, r)
	if j == nil {
		return
	}
	j.mu.Lock()
	data := j.zip
	j.mu.Unlock()
	if data == nil {
		http.Error(w, "还没有生成完，请稍候", http.StatusConflict)
		return
	}
	serveFile(w, r, "部门预算.zip", data, false)
}

// jobs keeps comparisons and batch jobs, the newest few of each.
type jobs struct {
	mu          sync.Mutex
	comparisons []*comparison
	batches     []*batchJob
}

const keepJobs = 32

func newJobs() *jobs { return &jobs{} }

func (js *jobs) putComparison(c *comparison) {
	js.mu.Lock()
	defer js.mu.Unlock()
	js.comparisons = append(js.comparisons, c)
	if len(js.comparisons) > keepJobs {
		js.comparisons = js.comparisons[1:]
	}
}

func (js *jobs) comparison(id string) *comparison {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, c := range js.comparisons {
		if c.id == id {
			return c
		}
	}
	return nil
}

// keepBatches bounds the finished batches kept: each holds the zip of a
// whole folder (a bureau's hundred budgets are some hundred megabytes).
const keepBatches = 2

// startBatch returns the batch that is still running, if any, else a new
// one (started true). A folder's batch builds every budget in it and keeps
// all their documents in memory: a second click on the button, or several
// tabs, must not build it again alongside — eight at once took the server
// from 74 MB to 530 MB for a folder of 21 budgets.
func (js *jobs) startBatch(total int) (j *batchJob, started bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, b := range js.batches {
		if !b.finished() {
			return b, false
		}
	}
	j = &batchJob{id: newID(), total: total}
	js.batches = append(js.batches, j)
	if len(js.batches) > keepBatches {
		js.batches = js.batches[len(js.batches)-keepBatches:]
	}
	return j, true
}

func (js *jobs) batch(id string) *batchJob {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, j := range js.batches {
		if j.id == id {
			return j
		}
	}
	return nil
}
