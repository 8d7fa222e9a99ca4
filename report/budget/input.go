package budget

import (
	"bytes"
	"io"
	"os"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"budgetdoc/report/msg"
)

// Limits on what one data file may make the program do, so that a small or
// hostile file cannot make a large job. The largest real budgets are a few
// hundred KB with a few tens of thousands of values.
const (
	// MaxInput is the most bytes of a data file that are read.
	MaxInput = 16 << 20
	// maxValues bounds the values a file may expand to through aliases.
	maxValues = 500_000
	// aliasSlack is how much text aliases (*name) may add to a file's own
	// size when they are expanded.
	aliasSlack = 64 << 10
	// maxPositionsHint is the most values' positions room is made for
	// before a file is read, about a large budget's (Decode).
	maxPositionsHint = 32 << 10
)

// readInput reads at most MaxInput bytes of the file at path; a longer one
// (or an endless one, /dev/zero) is refused.
func readInput(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxInput {
		return nil, Findings{{Severity: Error, Pos: Pos{File: path}, Message: msg.Sprintf(
			"the file is larger than %d MB, far larger than a budget; is it the right file?", MaxInput>>20)}}
	}
	return data, nil
}

// decodeText returns data as UTF-8. Files saved as UTF-16 (with a byte
// order mark) or as GBK/GB18030, which Chinese Windows editors use, are
// decoded with a warning; other encodings (Latin-1 …) are an error at the
// first byte that is not UTF-8.
func decodeText(name string, data []byte) (text []byte, warning *Finding, err *Finding) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, e := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if e == nil && utf8.Valid(out) && !bytes.ContainsRune(out, utf8.RuneError) {
			return out, &Finding{Severity: Warning, Pos: Pos{File: name, Line: 1}, Message: msg.Sprintf(
				"the file is UTF-16; read as UTF-16 — save it as UTF-8")}, nil
		}
	}
	if utf8.Valid(data) {
		return data, nil, nil
	}
	if out, ok := asGBK(data); ok {
		return out, &Finding{Severity: Warning, Pos: Pos{File: name, Line: 1}, Message: msg.Sprintf(
			"the file is GBK; read as GBK — save it as UTF-8")}, nil
	}
	f, _ := encodingFinding(name, data)
	return nil, nil, &f
}

// asGBK decodes data as GB18030 (a superset of GBK) when it reads as
// Chinese: no invalid sequence, and every character that is not ASCII is a
// Chinese character or CJK punctuation. Latin-1 text (café) fails this: its
// accented letters stand alone between ASCII bytes, which GBK does not
// allow, or pair into characters that are not Chinese.
func asGBK(data []byte) ([]byte, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return nil, false
	}
	for _, r := range string(out) {
		if r >= utf8.RuneSelf && !unicode.Is(unicode.Han, r) && !isCJKPunct(r) {
			return nil, false
		}
	}
	return out, true
}

// isCJKPunct reports CJK symbols and punctuation (、。「」), full-width forms
// (，：（）０-９) and the general punctuation Chinese text uses (“”‘’—…·).
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
		r >= 0x2010 && r <= 0x2027 || r == 0x00B7 || r == 0x00D7
}
