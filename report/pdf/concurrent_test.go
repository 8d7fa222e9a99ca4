package pdf

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"budgetdoc/report/layout"
)

// Documents rendered at the same time are byte-identical to one rendered
// alone. Under -race this also checks that gofpdf's background compression
// of the embedded fonts is over once a document is written: it once
// unlocked its mutex, inside the document, after handing the stream over.
func TestConcurrentRendersAreIdentical(t *testing.T) {
	doc := &layout.Document{Meta: layout.Meta{Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}}
	doc.Add(&layout.Paragraph{
		Text:  layout.Plain("部门预算（草案）。“收入”《支出》，合计。"),
		Style: layout.Style{Font: layout.FontBody},
	})
	want, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 10 {
				got, err := Render(doc, Options{})
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(got, want) {
					t.Error("a document rendered beside others differs from one rendered alone")
					return
				}
			}
		})
	}
	wg.Wait()
}
