package compose

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"budgetdoc/report/layout"
)

// formWordsText is words.txt: the words indicators are named with.
//
//go:embed words.txt
var formWordsText string

// formWords is the set of words.txt's words and the length in runes of the
// longest. Chinese has no spaces, so a cell breaker knows a word only from a
// list; a full segmenter's dictionary (megabytes) would cost every build
// more than the few hundred words forms are written in.
var formWords = sync.OnceValues(func() (map[string]bool, int) {
	set := make(map[string]bool)
	longest := 0
	for _, line := range strings.Split(formWordsText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			set[w] = true
			longest = max(longest, utf8.RuneCountInString(w))
		}
	}
	return set, longest
})

// worded is t, the text of a form's cell (an indicator's name or value),
// with the ends of the listed words it holds marked as weak seams, found
// longest first from the left: a cell too narrow for the text breaks
// between words (惠民 | 演出 | 场次), never inside one (惠民演/出场次).
// Characters before, between or after the words that are no listed word
// stay together as one, as the renderers keep the stretch between two
// seams (城隍庙 | 古建筑 | 修缮). A text with phrase punctuation (a list,
// a sentence: 前期拆除、线路改造、设计费) is left as running text, which breaks
// anywhere clreq allows: keeping its words whole would cost a narrow
// column lines the form has no room for.
func worded(t layout.Text) layout.Text {
	if strings.ContainsAny(t.S, phrasePunctuation) {
		return t // a list or a sentence breaks as running text does
	}
	set, longest := formWords()
	at := make([]int, 0, len(t.S)+1) // each rune's byte offset, then len(t.S)
	for i := range t.S {
		at = append(at, i)
	}
	at = append(at, len(t.S))
	seam := func(r int) {
		if n := len(t.Seams); r > 0 && (n == 0 || t.Seams[n-1].At != r) {
			t.Seams = append(t.Seams, layout.Seam{At: r, Weak: true})
		}
	}
	for i := 0; i+1 < len(at); {
		n := 0
		if r, _ := utf8.DecodeRuneInString(t.S[at[i]:]); unicode.Is(unicode.Han, r) {
			for k := min(longest, len(at)-1-i); k >= 2; k-- {
				if set[t.S[at[i]:at[i+k]]] {
					n = k
					break
				}
			}
		}
		if n == 0 {
			i++
			continue
		}
		seam(i)
		seam(i + n)
		i += n
	}
	if len(t.Seams) > 0 {
		seam(len(at) - 1) // the characters after the last word are one too
	}
	return t
}

// phrasePunctuation marks a text of phrases rather than a name.
const phrasePunctuation = "、，,；;。：:"
