package layout

import (
	"strings"
	"unicode"
)

// PlainText is s as plain text carries it: a PDF bookmark, a document
// property, a workbook's title cell. The PDF's typesetter drops a typed
// space beside a Chinese character or mark and sets its own quarter-em
// gap between Chinese and digits or Latin (report/pdf/cjk.Boxes); plain
// text cannot hold that gap, so the typed space is dropped there too and
// 2021 年 and 2021年 read alike everywhere. A space between two Latin
// words or numbers stays.
func PlainText(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if i == 0 || j == len(rs) || !isWide(rs[i-1]) && !isWide(rs[j]) {
			b.WriteString(string(rs[i:j]))
		}
		i = j - 1
	}
	return b.String()
}

// isWide reports whether r is set full-width in Chinese text: a Chinese
// character, a CJK or full-width mark, or a Chinese quotation mark.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
		strings.ContainsRune("“”‘’—…·", r)
}
