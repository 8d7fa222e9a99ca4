package web

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// screenshots is where the browser test saves what the page showed at each
// step: BUDGETDOC_SCREENSHOTS if set (to look at them), else a temporary
// folder.
func screenshots(t *testing.T) string {
	if dir := os.Getenv("BUDGETDOC_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// cliBuild builds the sample with the budgetdoc command and returns its PDF.
func cliBuild(t *testing.T, data string) []byte {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "budgetdoc")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/budgetdoc").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "out")
	if msg, err := exec.Command(bin, "build", "--quiet", "-o", out, data).CombinedOutput(); err != nil {
		t.Fatalf("budgetdoc build: %v\n%s", err, msg)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("budgetdoc build wrote %v", pdfs)
	}
	pdf, err := os.ReadFile(pdfs[0])
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// saveAs writes b as a data file (an entry workbook for .xlsx).
func saveAs(t *testing.T, b *report.Budget, name string) string {
	path := filepath.Join(t.TempDir(), name)
	if err := report.Save(b, path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBrowser drives a real headless Chromium through the page as a clerk
// would: upload the sample's entry workbook, download its PDF, upload a
// workbook with a wrong figure, compare two versions.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	chrome := testtool.Need(t, "chromium")
	shots := screenshots(t)
	downloads := t.TempDir()
	_, ts := newTestServer(t, Options{LoopbackOnly: true})

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.WindowSize(1280, 1100),
		chromedp.Flag("lang", "zh-CN"), chromedp.Env("FONTCONFIG_FILE="+testtool.FontConfig(t, fontsDir)))...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithDebugf(func(f string, a ...any) {
		if os.Getenv("CDP_DEBUG") != "" {
			t.Logf(f, a...)
		}
	}))
	defer cancel()
	// Start the browser on ctx itself: a browser started by a step's
	// shorter context would end with that step.
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}

	// Downloads land in a folder under their GUID; a finished one is announced.
	var mu sync.Mutex
	finished := make(map[string]bool)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			mu.Lock()
			finished[e.GUID] = true
			mu.Unlock()
		}
	})
	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var png []byte
			if err := chromedp.FullScreenshot(&png, 100).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name), png, 0o644)
		})
	}
	sample, _ := filepath.Abs(sample)
	// The sample as an entry workbook, as a clerk keeps it, and one with a
	// wrong figure.
	b, err := report.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	workbook := saveAs(t, b, "三门峡2021.xlsx")
	b.Expenditure.Basic = decimal.NewFromInt(3467000)
	wrongWorkbook := saveAs(t, b, "三门峡2021-错.xlsx")
	// run runs one step with its own time limit; on failure it shows what
	// the page showed.
	run := func(step string, actions ...chromedp.Action) {
		t.Helper()
		stepCtx, cancel := context.WithTimeout(ctx, 45*time.Second)
		defer cancel()
		if err := chromedp.Run(stepCtx, actions...); err != nil {
			var body, url string
			err2 := chromedp.Run(ctx, chromedp.Location(&url), chromedp.Text("body", &body, chromedp.ByQuery), shot("failed.png"))
			t.Log(err2)
			t.Fatalf("%s: %v\npage %s shows:\n%s", step, err, url, body)
		}
	}

	// 1. Upload the sample: no errors, the documents offered, the preview shown.
	var passed string
	run("uploading the sample",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).
			WithDownloadPath(downloads).WithEventsEnabled(true),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles("#file", []string{workbook}, chromedp.ByID),
		chromedp.Click("#upload", chromedp.ByID),
		chromedp.WaitVisible("#passed", chromedp.ByID),
		chromedp.Text("#passed", &passed, chromedp.ByID),
		chromedp.Sleep(time.Second), // let the PDF viewer draw the preview
		shot("1-uploaded.png"),
	)
	if !strings.Contains(passed, "检查通过") {
		t.Errorf("the sample's page says %q", passed)
	}

	// 2. Download the PDF through the page: the same bytes as the command's.
	run("clicking the PDF link", chromedp.Click(`a.doc`, chromedp.ByQuery))
	var pdf []byte
	for deadline := time.Now().Add(time.Minute); pdf == nil; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the PDF download did not finish in a minute")
		}
		mu.Lock()
		for guid := range finished {
			pdf, _ = os.ReadFile(filepath.Join(downloads, guid))
		}
		mu.Unlock()
	}
	if want := cliBuild(t, sample); !bytes.Equal(pdf, want) {
		t.Errorf("the PDF downloaded from the page (%d bytes) differs from budgetdoc build's (%d bytes)", len(pdf), len(want))
	}

	// 3. A workbook with a wrong figure: the finding names its cell and field.
	var findings string
	run("uploading a wrong workbook",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles("#file", []string{wrongWorkbook}, chromedp.ByID),
		chromedp.Click("#upload", chromedp.ByID),
		chromedp.WaitVisible(".error-list", chromedp.ByQuery),
		chromedp.Text("#findings", &findings, chromedp.ByID),
		shot("2-wrong-amount.png"),
	)
	if !regexp.MustCompile(`三门峡2021-错\.xlsx:[^!\s]+![A-Z]+[0-9]+`).MatchString(findings) {
		t.Errorf("the finding does not name the workbook's sheet and cell:\n%s", findings)
	}
	for _, want := range []string{"expenditure.basic", "3,467,000.00"} {
		if !strings.Contains(findings, want) {
			t.Errorf("the findings do not show %q:\n%s", want, findings)
		}
	}

	// 4. Compare the sample with an earlier version whose row was 100,000 less.
	earlier := testtool.EditCopy(t, sample, "amount: 3112000", "amount: 3012000")
	var changes string
	run("comparing two versions",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles("#file", []string{sample}, chromedp.ByID),
		chromedp.Click("#upload", chromedp.ByID),
		chromedp.WaitVisible("#old", chromedp.ByID),
		chromedp.SetUploadFiles("#old", []string{earlier}, chromedp.ByID),
		chromedp.Click("#compare", chromedp.ByID),
		chromedp.WaitVisible("#changes", chromedp.ByID),
		chromedp.Text("#changes", &changes, chromedp.ByID),
		shot("3-compare.png"),
	)
	if !strings.Contains(changes, "+100,000.00") {
		t.Errorf("the revision table does not show the change of +100,000.00:\n%s", changes)
	}
	t.Logf("screenshots in %s", shots)
}
