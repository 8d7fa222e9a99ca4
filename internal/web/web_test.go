package web

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"budgetdoc/report"
	"budgetdoc/report/budget"
)

const sample = "../../data/sanmenxia-2021.yaml"

// fontsDir holds the project's fonts, which the browser test lends Chromium.
var fontsDir, _ = filepath.Abs("../../fonts")

func newTestServer(t *testing.T, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); srv.Close() })
	return srv, ts
}

// client is a browser-like client: cookies kept, redirects followed.
func client(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 2 * time.Minute}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf loads the front page as a browser would and returns the form token.
func csrf(t *testing.T, c *http.Client, base string) string {
	t.Helper()
	resp, err := c.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfField.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF field on the front page (status %d)", resp.StatusCode)
	}
	return string(m[1])
}

// multipartBody is a form with the CSRF token (when not empty) and one file.
func multipartBody(t *testing.T, token, field, name string, data []byte) (*bytes.Buffer, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if token != "" {
		mw.WriteField("csrf", token)
	}
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func readSample(t *testing.T) []byte {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestTokenRequiredOffLoopback(t *testing.T) {
	token := NewToken()
	_, ts := newTestServer(t, Options{Token: token})
	for _, tc := range []struct {
		name   string
		target string
		header string
		want   int
	}{
		{"no token", "/", "", http.StatusUnauthorized},
		{"wrong token", "/?token=" + strings.Repeat("0", 32), "", http.StatusUnauthorized},
		{"wrong bearer", "/", "Bearer nope", http.StatusUnauthorized},
		{"no token, a result", "/r/" + strings.Repeat("a", 32), "", http.StatusUnauthorized},
		{"token in the query", "/?token=" + token, "", http.StatusOK},
		{"bearer", "/", "Bearer " + token, http.StatusOK},
	} {
		req, _ := http.NewRequest("GET", ts.URL+tc.target, nil)
		if tc.header != "" {
			req.Header.Set("Authorization", tc.header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, resp.StatusCode, tc.want)
		}
	}
	// The query token sets a cookie, so the page's own links work without it.
	c := client(t)
	if resp, err := c.Get(ts.URL + "/?token=" + token); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("token in the query: %v %v", resp.StatusCode, err)
	}
	if resp, err := c.Get(ts.URL + "/"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("the cookie does not carry the token: %v %v", resp.StatusCode, err)
	}
}

func TestLoopbackServerRefusesOtherHosts(t *testing.T) {
	_, ts := newTestServer(t, Options{LoopbackOnly: true})
	req, _ := http.NewRequest("GET", ts.URL+"/", nil)
	req.Host = "attacker.example:8080" // DNS rebinding: a name that resolves to 127.0.0.1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("Host attacker.example: status %d, want 403", resp.StatusCode)
	}
	if resp, err := http.Get(ts.URL + "/"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("Host 127.0.0.1: %v %v", resp.StatusCode, err)
	}
}

func TestTraversalIsRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), readSample(t), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.yaml"), []byte("year: 1"), 0o644)
	_, ts := newTestServer(t, Options{DataDir: dir})
	c := client(t)
	token := csrf(t, c, ts.URL)
	for _, target := range []string{
		"/r/..%2f..%2f..%2fetc%2fpasswd",
		"/r/../../etc/passwd",
		"/r/%2e%2e/doc/0",
		"/r/" + strings.Repeat("a", 32) + "/doc/..%2f..%2fsecret.yaml",
		"/c/..%5c..%5cwindows",
		"/jobs/..%2fsecret.yaml/budgets.zip",
		"/?file=../secret.yaml",
		"/?file=/etc/passwd",
		"/r/abc",
	} {
		req, _ := http.NewRequest("GET", ts.URL+target, nil)
		req.URL.Opaque = strings.TrimPrefix(ts.URL, "http:") + target // keep the path as written
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", target, resp.StatusCode)
		}
	}
	for _, name := range []string{"../secret.yaml", "/etc/passwd", `..\secret.yaml`, "sub/../../secret.yaml"} {
		resp, err := c.PostForm(ts.URL+"/data/open", url.Values{"csrf": {token}, "name": {name}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("open %q: status %d, want 400", name, resp.StatusCode)
		}
	}
	// A listed name works, so the 400s above are not the route failing.
	resp, err := c.PostForm(ts.URL+"/data/open", url.Values{"csrf": {token}, "name": {"a.yaml"}})
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("open a.yaml: %v %v", resp.StatusCode, err)
	}
}

func TestUploadOverTheLimit(t *testing.T) {
	_, ts := newTestServer(t, Options{MaxUpload: 64 << 10})
	c := client(t)
	token := csrf(t, c, ts.URL)
	big := bytes.Repeat([]byte("# padding\n"), 20<<10) // 200 KB
	body, ct := multipartBody(t, token, "file", "big.yaml", big)
	resp, err := c.Post(ts.URL+"/upload", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("200 KB upload with a 64 KB limit: status %d, want 413", resp.StatusCode)
	}
	// Without a Content-Length (chunked), the limit holds while reading.
	body, ct = multipartBody(t, token, "file", "big.yaml", big)
	req, _ := http.NewRequest("POST", ts.URL+"/upload", io.MultiReader(body))
	req.Header.Set("Content-Type", ct)
	req.ContentLength = -1
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked 200 KB upload: status %d, want 413", resp.StatusCode)
	}
}

func TestFormPostsNeedTheCSRFToken(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), readSample(t), 0o644)
	_, ts := newTestServer(t, Options{DataDir: dir})
	c := client(t)
	token := csrf(t, c, ts.URL)
	data := readSample(t)
	post := func(token, origin string) int {
		body, ct := multipartBody(t, token, "file", "a.yaml", data)
		req, _ := http.NewRequest("POST", ts.URL+"/upload", body)
		req.Header.Set("Content-Type", ct)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post("", ""); got != http.StatusForbidden {
		t.Errorf("upload without the token: %d, want 403", got)
	}
	if got := post(strings.Repeat("f", 32), ""); got != http.StatusForbidden {
		t.Errorf("upload with another token: %d, want 403", got)
	}
	if got := post(token, "http://evil.example"); got != http.StatusForbidden {
		t.Errorf("upload from another origin: %d, want 403", got)
	}
	for _, form := range []string{"/data/open", "/data/build"} {
		resp, err := c.PostForm(ts.URL+form, url.Values{"name": {"a.yaml"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s without the token: %d, want 403", form, resp.StatusCode)
		}
	}
	if got := post(token, ts.URL); got != http.StatusOK {
		t.Errorf("upload with the token from the page: %d, want 200 (after the redirect)", got)
	}
}

// TestConcurrentUploads uploads the sample 20 times at once: every upload
// gives the same PDF and XLSX as the library, and the heap stays bounded by
// the server's build slots rather than growing with the uploads.
func TestConcurrentUploads(t *testing.T) {
	if testing.Short() {
		t.Skip("20 builds")
	}
	// A long wait for a slot: this test measures memory, not the 503 of a busy server.
	srv, ts := newTestServer(t, Options{Builds: 2, BusyWait: 10 * time.Minute})
	data := readSample(t)
	b, err := budget.Parse("sanmenxia-2021.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := srv.builder.Documents(b, report.PDF, report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := before.HeapAlloc
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() { // sample the heap while the uploads run
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	const n = 20
	got := make([]map[int][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = uploadAndDownload(t, ts.URL, "sanmenxia-2021.yaml", data)
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("upload %d: %v", i, errs[i])
		}
		if len(got[i]) != len(want) {
			t.Fatalf("upload %d: %d documents, want %d", i, len(got[i]), len(want))
		}
		for k := range want {
			if !bytes.Equal(got[i][k], want[k].Data) {
				t.Errorf("upload %d: %s differs from the library's", i, want[k].Name)
			}
		}
	}
	growth := int64(peak) - int64(before.HeapAlloc)
	t.Logf("heap grew by at most %.1f MB during %d concurrent uploads with 2 build slots", float64(growth)/(1<<20), n)
	// Two builds at a time need well under 100 MB each; twenty at once would need far more.
	if growth > 400<<20 {
		t.Errorf("heap grew by %d MB during the uploads", growth>>20)
	}
}

var docHref = regexp.MustCompile(`href="(/r/[0-9a-f]{32}/doc/(\d+))"`)

// uploadAndDownload posts a budget as the page's form does and downloads
// every document its result page links, by its number in the result.
func uploadAndDownload(t *testing.T, base, name string, data []byte) (map[int][]byte, error) {
	c := client(t)
	token := csrf(t, c, base)
	body, ct := multipartBody(t, token, "file", name, data)
	resp, err := c.Post(base+"/upload", ct, body)
	if err != nil {
		return nil, err
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, page)
	}
	docs := make(map[int][]byte)
	for _, m := range docHref.FindAllSubmatch(page, -1) {
		resp, err := c.Get(base + string(m[1]))
		if err != nil {
			return nil, err
		}
		doc, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		n, _ := strconv.Atoi(string(m[2]))
		docs[n] = doc
	}
	return docs, nil
}

// TestDataFolder lists a bureau's folder with each budget's status, builds
// them all into a zip through the progress page, and reads nothing outside
// the folder whatever a budget names.
func TestDataFolder(t *testing.T) {
	dir := t.TempDir()
	good := readSample(t)
	wrong := bytes.Replace(good, []byte("basic: 3567000"), []byte("basic: 3467000"), 1)
	escape := append([]byte("previous: ../outside.yaml\n"), good...)
	os.WriteFile(filepath.Join(dir, "a-good.yaml"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "b-wrong.yaml"), wrong, 0o644)
	os.WriteFile(filepath.Join(dir, "c-escape.yaml"), escape, 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "outside.yaml"), good, 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "d-link.yaml"))
	srv, ts := newTestServer(t, Options{DataDir: dir})
	c := client(t)

	resp, err := c.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	rows := regexp.MustCompile(`<tr><td>([^<]+)</td><td class="(\w+)">([^<]+)</td>`).FindAllStringSubmatch(string(page), -1)
	got := map[string]string{}
	for _, r := range rows {
		got[r[1]] = r[2]
	}
	want := map[string]string{"a-good.yaml": "ok", "b-wrong.yaml": "error", "c-escape.yaml": "error"}
	for name, class := range want {
		if got[name] != class {
			t.Errorf("%s listed as %q, want %q (listing: %v)", name, got[name], class, got)
		}
	}
	if _, ok := got["d-link.yaml"]; ok {
		t.Errorf("a symbolic link out of the folder is listed")
	}

	token := csrf(t, c, ts.URL)
	resp, err = c.PostForm(ts.URL+"/data/open", url.Values{"csrf": {token}, "name": {"c-escape.yaml"}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(page, []byte("上年文件 ../outside.yaml 不在数据文件夹中")) {
		t.Errorf("previous: ../outside.yaml was not refused:\n%s", page)
	}

	resp, err = c.PostForm(ts.URL+"/data/build", url.Values{"csrf": {token}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	job := resp.Request.URL.Path // the progress page, after the redirect
	var zipLink string
	for deadline := time.Now().Add(time.Minute); zipLink == ""; time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the batch did not finish in a minute")
		}
		resp, err := c.Get(ts.URL + job)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if m := regexp.MustCompile(`href="(/jobs/[0-9a-f]{32}/budgets.zip)"`).FindSubmatch(page); m != nil {
			zipLink = string(m[1])
			if !bytes.Contains(page, []byte("b-wrong.yaml")) || !bytes.Contains(page, []byte("已处理 3 / 3")) {
				t.Errorf("the finished progress page does not name the skipped budget:\n%s", page)
			}
		}
	}
	resp, err = c.Get(ts.URL + zipLink)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := budget.Parse("a-good.yaml", good)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := srv.builder.Documents(b, report.PDF, report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]byte{}
	for _, d := range docs {
		byName[d.Name] = d.Data
	}
	if len(zr.File) != len(docs) {
		t.Errorf("the zip holds %d files, want the good budget's %d", len(zr.File), len(docs))
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		got, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Equal(got, byName[f.Name]) {
			t.Errorf("%s in the zip differs from the library's", f.Name)
		}
	}
}

// TestReferencesStayInside: the files a budget names — a profile file, last
// year's file — are read from the data folder only, and from nowhere for an
// upload: an uploaded profile: /etc/passwd shows nothing of that file.
func TestReferencesStayInside(t *testing.T) {
	dir := t.TempDir()
	good := readSample(t)
	withProfile := func(ref string) []byte { return append([]byte("profile: "+ref+"\n"), good...) }
	os.WriteFile(filepath.Join(dir, "own.yaml"), []byte("extends: seed\nname: 本市\n"), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "outside.yaml"), []byte("extends: seed\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a-own.yaml"), withProfile("./own.yaml"), 0o644)
	os.WriteFile(filepath.Join(dir, "b-outside.yaml"), withProfile("../outside.yaml"), 0o644)
	os.WriteFile(filepath.Join(dir, "c-absolute.yaml"), withProfile("/etc/passwd"), 0o644)
	_, ts := newTestServer(t, Options{DataDir: dir})
	c := client(t)
	token := csrf(t, c, ts.URL)
	page := func(resp *http.Response, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return string(body)
	}
	open := func(name string) string {
		return page(c.PostForm(ts.URL+"/data/open", url.Values{"csrf": {token}, "name": {name}}))
	}
	upload := func(data []byte) string {
		body, ct := multipartBody(t, token, "file", "x.yaml", data)
		return page(c.Post(ts.URL+"/upload", ct, body))
	}
	if p := open("a-own.yaml"); !strings.Contains(p, `id="passed"`) {
		t.Errorf("a profile file inside the data folder is not used:\n%s", p)
	}
	for name, p := range map[string]string{
		"data folder, ../outside.yaml": open("b-outside.yaml"),
		"data folder, /etc/passwd":     open("c-absolute.yaml"),
		"upload, /etc/passwd":          upload(withProfile("/etc/passwd")),
		"upload, /dev/zero":            upload(withProfile("/dev/zero")),
		"upload, ./own.yaml":           upload(withProfile("./own.yaml")),
	} {
		if !strings.Contains(p, "error-list") || !strings.Contains(p, "profile") {
			t.Errorf("%s: no error at profile:\n%s", name, p)
		}
		if strings.Contains(p, "root:") || strings.Contains(p, "本市") {
			t.Errorf("%s: the page shows what the named file holds:\n%s", name, p)
		}
	}
	prev := append([]byte("previous: 2020.yaml\n"), good...)
	if p := upload(prev); !strings.Contains(p, `id="unread"`) || !strings.Contains(p, "2020.yaml") {
		t.Errorf("an upload's unread previous: is not pointed out:\n%s", p)
	}
}

// TestBlankWorkbooks: each built-in profile's blank entry workbook is
// offered on the front page, opens as a workbook of that profile, and an
// unknown profile is 404.
func TestBlankWorkbooks(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	c := client(t)
	resp, err := c.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	links := regexp.MustCompile(`href="/blank/([a-z-]+)"`).FindAllSubmatch(page, -1)
	if len(links) < 3 {
		t.Fatalf("the front page offers %d blank workbooks, want one per built-in profile", len(links))
	}
	for _, m := range links {
		name := string(m[1])
		resp, err := c.Get(ts.URL + "/blank/" + name)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), ".xlsx") {
			t.Fatalf("/blank/%s: status %d, %q", name, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
		// A blank is an entry workbook whose only findings are the missing
		// required cells, and whose profile is the one chosen.
		_, err = budget.ParseFile("blank.xlsx", data)
		var findings report.Findings
		if !errors.As(err, &findings) || !strings.Contains(findings.Error(), "blank.xlsx:") {
			t.Errorf("/blank/%s does not read as an entry workbook: %v", name, err)
		}
		if !profileCellIs(t, data, name) {
			t.Errorf("/blank/%s: the workbook's 文件配置 cell is not %q", name, name)
		}
	}
	if resp, err := c.Get(ts.URL + "/blank/nope"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("/blank/nope: %v %v", resp.StatusCode, err)
	}
}

// profileCellIs reports whether the entry workbook's 文件配置 row holds name.
func profileCellIs(t *testing.T, data []byte, name string) bool {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for i, cell := range row {
				if strings.Contains(cell, "文件配置") && slices.Contains(row[i+1:], name) {
					return true
				}
			}
		}
	}
	return false
}

// TestNamedPipeInTheDataFolder: a budget whose previous: or profile: names
// a named pipe in the folder gets an error at that key; a plain open would
// wait for a writer forever, and the front page, which checks every budget
// under one lock, would hang for everyone.
func TestNamedPipeInTheDataFolder(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	good := readSample(t)
	os.WriteFile(filepath.Join(dir, "a.yaml"), append([]byte("previous: pipe.yaml\n"), good...), 0o644)
	os.WriteFile(filepath.Join(dir, "b.yaml"), append([]byte("profile: ./pipe.yaml\n"), good...), 0o644)
	_, ts := newTestServer(t, Options{DataDir: dir})
	c := client(t)
	c.Timeout = 20 * time.Second
	resp, err := c.Get(ts.URL + "/")
	if err != nil {
		t.Fatalf("the front page does not answer: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if n := strings.Count(string(body), "1 个错误"); n != 2 {
		t.Errorf("want both budgets listed with 1 个错误, found %d:\n%s", n, body)
	}
	token := csrf(t, c, ts.URL)
	for name, key := range map[string]string{"a.yaml": "previous", "b.yaml": "profile"} {
		resp, err := c.PostForm(ts.URL+"/data/open", url.Values{"csrf": {token}, "name": {name}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(page), "error-list") || !strings.Contains(string(page), key) || !strings.Contains(string(page), "不是普通文件") {
			t.Errorf("%s: no error at %s:\n%s", name, key, page)
		}
	}
}

// TestOneBatchAtATime: a second "build all" while the folder's batch runs
// shows the running batch instead of building the folder again alongside
// (each batch holds every document of the folder in memory), and only the
// newest finished batches are kept.
func TestOneBatchAtATime(t *testing.T) {
	dir := t.TempDir()
	for i := range 4 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%d.yaml", i)), readSample(t), 0o644)
	}
	srv, ts := newTestServer(t, Options{DataDir: dir})
	c := client(t)
	token := csrf(t, c, ts.URL)
	post := func() string {
		resp, err := c.PostForm(ts.URL+"/data/build", url.Values{"csrf": {token}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Request.URL.Path
	}
	first, second := post(), post()
	if first != second {
		t.Errorf("a second build while the first runs started another batch: %s, %s", first, second)
	}
	wait := func(job string) {
		id := strings.TrimPrefix(job, "/jobs/")
		for deadline := time.Now().Add(time.Minute); !srv.jobs.batch(id).finished(); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the batch did not finish in a minute")
			}
		}
	}
	wait(first)
	third := post()
	if third == first {
		t.Errorf("a build after the batch finished did not start a new one")
	}
	wait(third)
	for range 3 {
		j, started := srv.jobs.startBatch(0)
		if !started {
			t.Fatal("a batch started while none runs")
		}
		j.mu.Lock()
		j.zip = []byte{}
		j.mu.Unlock()
	}
	if n := len(srv.jobs.batches); n != keepBatches {
		t.Errorf("%d batches kept, want %d", n, keepBatches)
	}
}

// TestFindingsAreCapped: a workbook with thousands of broken rows shows
// at most maxShown findings of a severity and how many more there are; one
// of 891,000 broken rows made a 142 MB page before.
func TestFindingsAreCapped(t *testing.T) {
	blank, err := report.Marshal(&budget.Budget{Profile: "seed"}, "x.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(blank))
	if err != nil {
		t.Fatal(err)
	}
	const rows = 3000
	for r := 10; r < 10+rows; r++ {
		if err := f.SetCellValue("功能科目", fmt.Sprintf("AA%d", r), 1); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Options{})
	c := client(t)
	body, ct := multipartBody(t, csrf(t, c, ts.URL), "file", "broken.xlsx", buf.Bytes())
	resp, err := c.Post(ts.URL+"/upload", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	items := strings.Count(string(page), "<li")
	more := regexp.MustCompile(`还有 (\d+) 个问题未列出`).FindStringSubmatch(string(page))
	if items > maxShown+1 || more == nil {
		t.Fatalf("%d findings listed (at most %d wanted), and no count of the rest", items, maxShown+1)
	}
	if n, _ := strconv.Atoi(more[1]); n < rows-maxShown-10 {
		t.Errorf("the rest counted as %d, want about %d", n, rows-maxShown)
	}
}
