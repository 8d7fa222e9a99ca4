package web

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"budgetdoc/report"
	"budgetdoc/report/budget"
	"budgetdoc/report/money"
)

// result is one uploaded budget: its findings and, when it passes its
// checks, its documents, kept in memory for the pages and downloads.
type result struct {
	id       string
	name     string // the upload's base name, shown only
	source   []byte
	budget   *report.Budget // nil when the file could not be read
	findings report.Findings
	docs     []report.Document // nil when a check failed
	created  time.Time
	uploaded bool // not from the data folder: the files it names were not read
}

func (r *result) size() int64 {
	n := int64(len(r.source))
	for _, d := range r.docs {
		n += int64(len(d.Data))
	}
	return n
}

// store keeps the newest results within a count and a byte budget; the
// oldest go first. A result is gone after a restart: the page is a tool for
// the work at hand, not an archive.
type store struct {
	mu       sync.Mutex
	max      int
	maxBytes int64
	bytes    int64
	order    []string
	byID     map[string]*result
}

func newStore(max int, maxBytes int64) *store {
	return &store{max: max, maxBytes: maxBytes, byID: make(map[string]*result)}
}

func (s *store) put(r *result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[r.id] = r
	s.order = append(s.order, r.id)
	s.bytes += r.size()
	for len(s.order) > 1 && (len(s.order) > s.max || s.bytes > s.maxBytes) {
		old := s.byID[s.order[0]]
		s.bytes -= old.size()
		delete(s.byID, old.id)
		s.order = s.order[1:]
	}
}

func (s *store) get(id string) *result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[id]
}

// lookup returns the result named by the request, or writes 400/404.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) *result {
	id := pathID(w, r)
	if id == "" {
		return nil
	}
	res := s.store.get(id)
	if res == nil {
		http.Error(w, "找不到这份结果：服务器可能已重启或清理，请重新上传", http.StatusNotFound)
	}
	return res
}

// findingGroup is the findings of one severity, for the page.
type findingGroup struct {
	Title, Class string
	Items        []findingView
}

type findingView struct{ Where, Field, Message string }

func groupFindings(fs report.Findings) []findingGroup {
	errs := findingGroup{Title: "错误（必须改正，改正前不能生成文件）", Class: "error"}
	warns := findingGroup{Title: "提示（请核对）", Class: "warning"}
	for _, f := range fs {
		v := findingView{Where: f.Pos.String(), Field: f.Path, Message: f.Message}
		if f.Severity == budget.Error {
			errs.Items = append(errs.Items, v)
		} else {
			warns.Items = append(warns.Items, v)
		}
	}
	var groups []findingGroup
	for _, g := range []findingGroup{errs, warns} {
		if len(g.Items) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

type docLink struct {
	N                 int
	Name, Label, Kind string
	Size              int64
}

func (s *Server) result(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	// Documents lists the whole PDF, then its parts, then the workbook.
	var links, parts []docLink
	preview := -1
	for i, d := range res.docs {
		link := docLink{N: i, Name: d.Name, Kind: "PDF", Size: int64(len(d.Data))}
		switch {
		case strings.HasSuffix(d.Name, ".xlsx"):
			link.Kind = "Excel"
		case preview < 0:
			preview = i
		default:
			link.Label = strings.TrimSuffix(strings.TrimPrefix(d.Name, report.BaseName(res.budget)+"-"), ".pdf")
			parts = append(parts, link)
			continue
		}
		links = append(links, link)
	}
	title := res.name
	if res.budget != nil {
		title = report.BaseName(res.budget)
	}
	s.render(w, r, "result.html", map[string]any{
		"ID": res.id, "Name": res.name, "Title": title, "Groups": groupFindings(res.findings),
		"Errors": res.findings.HasErrors() || res.budget == nil, "Docs": links, "Parts": parts, "Preview": preview,
		"Findings": len(res.findings), "PageTitle": title, "Readable": res.budget != nil,
		"Unread": unreadReferences(res),
	})
}

// unreadReferences names the files an uploaded budget names but the page did
// not read, so that the clerk knows what the documents were built without.
func unreadReferences(res *result) []string {
	if !res.uploaded || res.budget == nil {
		return nil
	}
	var names []string
	if res.budget.PreviousFile != "" {
		names = append(names, "上年文件 "+res.budget.PreviousFile)
	}
	return names
}

// document serves one document by its index in the result, inline for the
// preview (?inline=1) or as a download.
func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(res.docs) {
		http.Error(w, "没有这个文件", http.StatusNotFound)
		return
	}
	d := res.docs[n]
	serveFile(w, r, d.Name, d.Data, r.URL.Query().Get("inline") == "1")
}

func (s *Server) zipAll(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	if len(res.docs) == 0 {
		http.Error(w, "这份预算有错误，没有生成文件", http.StatusNotFound)
		return
	}
	// Both documents, without the parts the PDF already holds.
	base := report.BaseName(res.budget)
	var both []report.Document
	for _, d := range res.docs {
		if d.Name == base+".pdf" || d.Name == base+".xlsx" {
			both = append(both, d)
		}
	}
	data, err := zipFiles(both)
	if err != nil {
		s.fail(w, err)
		return
	}
	serveFile(w, r, report.BaseName(res.budget)+".zip", data, false)
}

// zipFiles packs documents into a zip with a fixed time stamp, so the same
// documents give the same bytes.
func zipFiles(docs []report.Document) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, d := range docs {
		h := &zip.FileHeader{Name: d.Name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
		h.Flags |= 0x800 // names are UTF-8
		f, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(d.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var contentTypes = map[string]string{
	".pdf":  "application/pdf",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".zip":  "application/zip",
	".yaml": "application/yaml; charset=utf-8",
	".json": "application/json; charset=utf-8",
}

// serveFile sends data under name, whose Chinese survives in every browser
// through RFC 6266's filename* parameter.
func serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte, inline bool) {
	ct := contentTypes[strings.ToLower(filepath.Ext(name))]
	if ct == "" {
		ct = "application/octet-stream"
	}
	disposition := "attachment"
	if inline {
		disposition = "inline"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(data)
}

// dataFile gives the budget back as an entry workbook (data/xlsx) or as
// YAML (data/yaml): a clerk who uploaded YAML gets a workbook to go on in,
// and the other way round.
func (s *Server) dataFile(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	if res.budget == nil {
		http.Error(w, "这份文件读不出来，无法转换", http.StatusNotFound)
		return
	}
	format := r.PathValue("format")
	if format != "xlsx" && format != "yaml" {
		http.Error(w, "只能转换为 xlsx 或 yaml", http.StatusBadRequest)
		return
	}
	name := report.BaseName(res.budget) + "数据." + format
	data, err := report.Marshal(res.budget, name)
	if err != nil {
		s.fail(w, err)
		return
	}
	serveFile(w, r, name, data, false)
}

// compare reads an earlier version of the result's budget and shows the
// revision table from it to the result.
func (s *Server) compare(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	file, ok := s.readUpload(w, r, "old")
	if !ok {
		return
	}
	defer s.memory.Release(file.reserved)
	if res.budget == nil {
		http.Error(w, "这份文件读不出来，无法比较", http.StatusBadRequest)
		return
	}
	old, err := parseBudget(file.name, file.data, noFiles)
	var findings report.Findings
	if errors.As(err, &findings) {
		s.render(w, r, "result.html", map[string]any{"ID": res.id, "Name": file.name, "Title": file.name,
			"Groups": groupFindings(findings), "Errors": true, "Preview": -1, "Findings": len(findings),
			"CompareFailed": true, "PageTitle": "比较"})
		return
	} else if err != nil {
		s.fail(w, err)
		return
	}
	c := &comparison{id: newID(), old: old, new: res.budget, oldName: file.name, newName: res.name,
		rev: report.Diff(old, res.budget)}
	s.jobs.putComparison(c)
	http.Redirect(w, r, "/c/"+c.id, http.StatusSeeOther)
}

// comparison is the revision table of two uploads.
type comparison struct {
	id               string
	old, new         *report.Budget
	oldName, newName string
	rev              *report.Revision
}

type changeView struct {
	Kind, Where, Old, New, Delta string
	Amount                       bool
}

// lookupComparison returns the comparison the request names, or writes
// 400/404.
func (s *Server) lookupComparison(w http.ResponseWriter, r *http.Request) *comparison {
	id := pathID(w, r)
	if id == "" {
		return nil
	}
	c := s.jobs.comparison(id)
	if c == nil {
		http.Error(w, "找不到这次比较，请重新上传", http.StatusNotFound)
	}
	return c
}

func (s *Server) revisionPage(w http.ResponseWriter, r *http.Request) {
	c := s.lookupComparison(w, r)
	if c == nil {
		return
	}
	var changes []changeView
	for _, ch := range c.rev.Changes {
		v := changeView{Kind: ch.Kind.Chinese(), Where: ch.Where(), Old: ch.Old, New: ch.New, Amount: ch.IsAmount()}
		if ch.Delta != nil {
			v.Old, v.New, v.Delta = amount(ch.Old), amount(ch.New), money.Signed(*ch.Delta, 2)
		}
		changes = append(changes, v)
	}
	type totalView struct{ Name, Old, New, Delta string }
	var totals []totalView
	for _, t := range c.rev.Totals {
		totals = append(totals, totalView{t.Name, money.Format(t.Old, 2), money.Format(t.New, 2), money.Signed(t.Delta, 2)})
	}
	s.render(w, r, "revision.html", map[string]any{"ID": c.id, "Old": c.oldName, "New": c.newName,
		"Changes": changes, "Totals": totals, "Same": c.rev.Same(), "PageTitle": "修订对照表"})
}

// amount prints an amount the revision keeps as text as the documents do
// (3,112,000.00); a blank stays blank.
func amount(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return money.Format(d, 2)
}

func (s *Server) revisionFile(w http.ResponseWriter, r *http.Request) {
	c := s.lookupComparison(w, r)
	if c == nil {
		return
	}
	format := report.Format(strings.TrimPrefix(r.PathValue("file"), "revision."))
	if format != report.PDF && format != report.XLSX {
		http.Error(w, "只能下载 pdf 或 xlsx", http.StatusBadRequest)
		return
	}
	data, err := s.builder.RenderRevision(c.rev, c.new, format)
	if err != nil {
		s.fail(w, err)
		return
	}
	serveFile(w, r, fmt.Sprintf("%s修订对照表.%s", report.BaseName(c.new), format), data, false)
}
