package budget

import (
	"strconv"
	"strings"
	"unicode"

	"budgetdoc/report/msg"
)

// The one rule from a unit's name to its documents' file names. A data file
// may come from another office, so its unit name must never lead a file out
// of the output folder or make a hidden or option-like one: characters that
// Windows or Linux forbid in a file name become their full-width forms,
// which still read as the name; what cannot be mapped is refused by Check at
// unit.name.

// fileNameChars maps the characters forbidden in Windows file names (and
// '/', forbidden everywhere) to their full-width forms.
var fileNameChars = strings.NewReplacer(
	"/", "／", `\`, "＼", ":", "：", "*", "＊", "?", "？",
	`"`, "＂", "<", "＜", ">", "＞", "|", "｜",
)

// FileStem is the file name, without extension, of a budget's documents:
// <单位名称><年度>年部门预算. Check refuses a unit name for which it would not be
// a safe name of a file inside the output folder.
func FileStem(b *Budget) string {
	return SafeFileName(b.Unit.Name) + strconv.Itoa(b.Year) + "年部门预算"
}

// SafeFileName maps the characters forbidden in file names to their
// full-width forms, for a unit's name in a file name that a profile words
// otherwise.
func SafeFileName(name string) string { return fileNameChars.Replace(name) }

// MaxFileName is the longest file name, in bytes, that Linux, macOS and
// Windows file systems all accept.
const MaxFileName = 255

// tempOverhead is what a temporary file's name adds to the name it will be
// renamed to: "." before it and ".<up to 10 digits>.tmp" after it.
const tempOverhead = 1 + 1 + 10 + 4

// LongestFileName is the longest name, in bytes, among the files a build of
// b writes, temporary ones included: <stem>-附件<N>.pdf with --split, where
// N counts the project table and each form, or <stem>-情况说明.pdf.
func LongestFileName(b *Budget) int {
	longest := max(len("-情况说明.pdf"), len("-附件.pdf")+len(strconv.Itoa(len(b.Forms)+1)), len(".xlsx"))
	return tempOverhead + len(FileStem(b)) + longest
}

// unitNameProblem says why a unit name cannot name files, or "".
func unitNameProblem(name string) string {
	if name == "" {
		return ""
	}
	switch first := []rune(name)[0]; {
	case first == '.' || first == '-':
		return msg.Sprintf("the name starts with %q, which would make a hidden or option-like file name; remove it", first)
	case unicode.IsSpace(first):
		return msg.Sprintf("the name starts with a space; remove it")
	}
	for i, r := range []rune(name) {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' || r == unicode.ReplacementChar {
			return msg.Sprintf("character %d of the name is the invisible or control character %U, which cannot be part of a file name; remove it", i+1, r)
		}
	}
	return ""
}

func (c *checker) unitName() {
	b := c.b
	if p := unitNameProblem(b.Unit.Name); p != "" {
		c.fail("unit.name", p)
		return
	}
	if n := LongestFileName(b); b.Unit.Name != "" && n > MaxFileName {
		c.fail("unit.name", msg.Sprintf("the name is too long for a file name: the documents' file names would take %d bytes, and file systems allow %d; shorten the name by %d Chinese characters",
			n, MaxFileName, (n-MaxFileName+2)/3))
	}
}
