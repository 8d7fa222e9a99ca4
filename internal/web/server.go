// Package web is budgetdoc's local web page: finance staff upload a budget
// (entry workbook, YAML or JSON), see its findings, preview and download the
// documents, compare two versions, and build a whole folder of budgets. The
// documents come from the same library calls as `budgetdoc build`, so a
// download is byte-identical to the command's output.
//
// The page is plain HTML forms (html/template, no JavaScript), so it works in
// any browser an office has and needs no build step.
package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path"
	"regexp"
	"strings"
	"time"

	"golang.org/x/sync/semaphore"

	"budgetdoc/report"
	"budgetdoc/report/budget"
)

// Options configures a Server.
type Options struct {
	// DataDir is a folder of budgets the page lists and builds; empty for
	// none. Nothing outside it is ever read.
	DataDir string
	// Token, when not empty, must accompany every request (as ?token= once,
	// then a cookie, or as "Authorization: Bearer …").
	Token string
	// MaxUpload bounds one upload in bytes (default 16 MB).
	MaxUpload int64
	// MemoryBudget bounds the bytes of all uploads being read and built at
	// once (default 256 MB); a request that would pass it waits.
	MemoryBudget int64
	// Builds bounds the budgets built at once (default 2); a request that
	// cannot get a slot within BusyWait gets 503.
	Builds   int
	BusyWait time.Duration
	// LoopbackOnly makes the server refuse requests whose Host is not a
	// loopback name, so a web page elsewhere cannot reach it through DNS
	// rebinding.
	LoopbackOnly bool
	// Builder renders the documents; nil means report.New(report.WithSplit()).
	Builder *report.Builder
	// Log receives one line per failed request; nil means the standard log.
	Log *log.Logger
}

// Server serves the page.
type Server struct {
	opts    Options
	builder *report.Builder
	data    *dataDir // nil without DataDir
	store   *store
	jobs    *jobs
	builds  *semaphore.Weighted
	memory  *semaphore.Weighted
	pages   *template.Template
	log     *log.Logger
}

//go:embed templates/*.html
var templateFiles embed.FS

// New returns a server with opts.
func New(opts Options) (*Server, error) {
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = 16 << 20
	}
	if opts.MemoryBudget <= 0 {
		opts.MemoryBudget = 256 << 20
	}
	if opts.MemoryBudget < opts.MaxUpload {
		opts.MemoryBudget = opts.MaxUpload
	}
	if opts.Builds <= 0 {
		opts.Builds = 2
	}
	if opts.BusyWait <= 0 {
		opts.BusyWait = 30 * time.Second
	}
	s := &Server{opts: opts, builder: opts.Builder, store: newStore(64, 512<<20), jobs: newJobs(),
		builds: semaphore.NewWeighted(int64(opts.Builds)), memory: semaphore.NewWeighted(opts.MemoryBudget),
		log: opts.Log}
	if s.log == nil {
		s.log = log.Default()
	}
	if s.builder == nil {
		// With the parts of the PDF, each of which the page offers too.
		b, err := report.New(report.WithSplit())
		if err != nil {
			return nil, err
		}
		s.builder = b
	}
	if opts.DataDir != "" {
		d, err := openDataDir(opts.DataDir)
		if err != nil {
			return nil, err
		}
		s.data = d
	}
	pages, err := template.New("").Funcs(template.FuncMap{"kb": kilobytes}).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s.pages = pages
	return s, nil
}

// Close releases the data folder.
func (s *Server) Close() error {
	if s.data != nil {
		return s.data.root.Close()
	}
	return nil
}

// Handler returns the page's routes behind the token, host and CSRF guards.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("POST /upload", s.upload)
	mux.HandleFunc("GET /blank/{profile}", s.blank)
	mux.HandleFunc("GET /r/{id}", s.result)
	mux.HandleFunc("GET /r/{id}/doc/{n}", s.document)
	mux.HandleFunc("GET /r/{id}/all.zip", s.zipAll)
	mux.HandleFunc("GET /r/{id}/data/{format}", s.dataFile)
	mux.HandleFunc("POST /r/{id}/compare", s.compare)
	mux.HandleFunc("GET /c/{id}", s.revisionPage)
	mux.HandleFunc("GET /c/{id}/{file}", s.revisionFile)
	mux.HandleFunc("POST /data/open", s.openData)
	mux.HandleFunc("POST /data/build", s.buildAll)
	mux.HandleFunc("GET /jobs/{id}", s.jobPage)
	mux.HandleFunc("GET /jobs/{id}/budgets.zip", s.jobZip)
	return s.guard(mux)
}

// ids are 128 random bits in hex; anything else in an id is refused before
// it is looked up.
var idPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b[:])
}

// pathID returns the request's {id}, or writes 400 and returns "".
func pathID(w http.ResponseWriter, r *http.Request) string {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		http.Error(w, "无效的编号", http.StatusBadRequest)
		return ""
	}
	return id
}

// upload reads the posted budget, checks it and, when it passes, renders its
// documents; the result page shows either.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	file, ok := s.readUpload(w, r, "file")
	if !ok {
		return
	}
	defer s.memory.Release(file.reserved)
	res, err := s.process(r.Context(), file.name, file.data, noFiles)
	if err != nil {
		s.fail(w, err)
		return
	}
	http.Redirect(w, r, "/r/"+res.id, http.StatusSeeOther)
}

// uploaded is one file read from a form, with the memory it holds reserved.
type uploaded struct {
	name     string
	data     []byte
	reserved int64
}

// readUpload reads the multipart form (bounded by MaxUpload), checks its
// CSRF token and returns the file in field. It writes the error response
// itself and returns false when anything is wrong.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request, field string) (uploaded, bool) {
	limit := s.opts.MaxUpload + 64<<10 // the form's other fields and boundaries
	if r.ContentLength > limit {
		http.Error(w, fmt.Sprintf("文件太大：上限为 %s", kilobytes(s.opts.MaxUpload)), http.StatusRequestEntityTooLarge)
		return uploaded{}, false
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.BusyWait)
	defer cancel()
	if err := s.memory.Acquire(ctx, limit); err != nil {
		http.Error(w, "服务器正忙，请稍后再试", http.StatusServiceUnavailable)
		return uploaded{}, false
	}
	release := func() { s.memory.Release(limit) }
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	// Everything is kept in memory: nothing of an upload touches the disk.
	mr, err := r.MultipartReader()
	if err != nil {
		release()
		http.Error(w, "请用页面上的表单上传文件", http.StatusBadRequest)
		return uploaded{}, false
	}
	var csrf string
	var file uploaded
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			release()
			s.uploadError(w, err)
			return uploaded{}, false
		}
		switch part.FormName() {
		case "csrf":
			v, _ := io.ReadAll(io.LimitReader(part, 256))
			csrf = string(v)
		case field:
			data, err := io.ReadAll(part)
			if err != nil {
				release()
				s.uploadError(w, err)
				return uploaded{}, false
			}
			file = uploaded{name: uploadName(part), data: data}
		}
		part.Close()
	}
	if !s.csrfValid(r, csrf) {
		release()
		http.Error(w, "表单已过期，请刷新页面后重试", http.StatusForbidden)
		return uploaded{}, false
	}
	if file.name == "" || len(file.data) == 0 {
		release()
		http.Error(w, "没有选择文件", http.StatusBadRequest)
		return uploaded{}, false
	}
	file.reserved = limit
	return file, true
}

func (s *Server) uploadError(w http.ResponseWriter, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		http.Error(w, fmt.Sprintf("文件太大：上限为 %s", kilobytes(s.opts.MaxUpload)), http.StatusRequestEntityTooLarge)
		return
	}
	http.Error(w, "上传没有完成，请重试", http.StatusBadRequest)
}

// uploadName is the upload's base name, used only to show it and to pick
// the reader by extension; the file system never sees it.
func uploadName(p *multipart.Part) string {
	name := path.Base(strings.ReplaceAll(p.FileName(), `\`, "/"))
	if name == "." || name == "/" {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
}

// process parses, checks and builds one budget, holding a build slot.
func (s *Server) process(ctx context.Context, name string, data []byte, files fs.FS) (*result, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.BusyWait)
	defer cancel()
	if err := s.builds.Acquire(ctx, 1); err != nil {
		return nil, errBusy
	}
	defer s.builds.Release(1)
	res := &result{id: newID(), name: name, source: data, created: time.Now(), uploaded: files == noFiles}
	b, err := parseBudget(name, data, files)
	var findings report.Findings
	switch {
	case errors.As(err, &findings):
		res.findings = findings
	case err != nil:
		return nil, err
	default:
		res.budget = b
		docs, err := s.builder.Documents(b, report.PDF, report.XLSX)
		switch {
		case errors.As(err, &findings):
			res.findings = findings
		case err != nil:
			return nil, err
		default:
			res.findings = s.builder.Check(b)
			res.docs = docs
		}
	}
	res.findings = capFindings(name, res.findings)
	s.store.put(res)
	return res, nil
}

// maxShown bounds the findings of each severity a result keeps and shows.
// A hostile or broken workbook can give hundreds of thousands (891,000 for
// one of 1.9 MB), which made a 142 MB page and stayed in the store, which
// counts only files' bytes.
const maxShown = 1000

// capFindings keeps the first maxShown findings of each severity and says
// how many more there are.
func capFindings(name string, all report.Findings) report.Findings {
	var kept report.Findings
	dropped := map[budget.Severity]int{}
	shown := map[budget.Severity]int{}
	for _, f := range all {
		if shown[f.Severity] < maxShown {
			shown[f.Severity]++
			kept = append(kept, f)
		} else {
			dropped[f.Severity]++
		}
	}
	for _, sev := range []budget.Severity{budget.Error, budget.Warning} {
		if dropped[sev] > 0 {
			kept = append(kept, budget.Finding{Severity: sev, Pos: budget.Pos{File: name},
				Message: fmt.Sprintf("还有 %d 个问题未列出；请先改正上面的问题", dropped[sev])})
		}
	}
	return kept
}

var errBusy = errors.New("busy")

// fail answers a request whose work failed: 503 when the server is busy,
// else 500 with the reason logged.
func (s *Server) fail(w http.ResponseWriter, err error) {
	if errors.Is(err, errBusy) {
		http.Error(w, "服务器正忙，请稍后再试", http.StatusServiceUnavailable)
		return
	}
	s.log.Printf("budgetdoc serve: %v", err)
	http.Error(w, "生成失败："+err.Error(), http.StatusInternalServerError)
}

// render executes a page template into a buffer first, so a template error
// gives a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data map[string]any) {
	data["CSRF"] = s.csrfToken(w, r)
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

func kilobytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
}

// Listen opens addr and reports whether it is a loopback address.
func Listen(addr string) (net.Listener, bool, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, false, err
	}
	tcp, _ := ln.Addr().(*net.TCPAddr)
	return ln, tcp != nil && tcp.IP.IsLoopback(), nil
}

// Serve serves the page on ln until ctx is done, with time limits that keep
// a slow client from holding a connection.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 2 * time.Minute, WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: 64 << 10}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// LoadToken reads a token file (its first line), for --token-file.
func LoadToken(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	token := strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])
	if len(token) < 16 {
		return "", fmt.Errorf("%s: 口令至少要 16 个字符", path)
	}
	return token, nil
}

// NewToken returns a random token to print at start.
func NewToken() string { return newID() }
