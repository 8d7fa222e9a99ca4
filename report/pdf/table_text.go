package pdf

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// Table cells are broken by their own small breaker on top of the clreq
// clusters of package cjk, because a cell asks more than running text:
// a figure keeps its unit, operator and bracketed unit (3000万元,
// ≥13459.00(平方米), 2021年底前), a 科目名称 breaks after its `-`
// separators rather than inside a word, and a wrapped cell's lines are
// balanced so that none ends with one lone character.

// cellPara is one paragraph of a cell (cells break hard at newlines),
// measured at 1 pt, cut into pieces that never break.
type cellPara struct {
	rs     []rune
	starts []int     // each piece's first rune, then len(rs)
	widths []float64 // each piece's width at 1 pt
	soft   []bool    // a preferred break follows the piece
	seam   []bool    // a word ends with the piece (see joinWords); nil for none
	space  []bool    // the piece is white space
	short  bool      // three characters or fewer: never broken
	join   []bool    // the piece and the next are one word (see joinWords); nil for none
	indent float64   // the cell's indent at 1 pt, before every line

	nat, min float64 // natural and minimum width at 1 pt
}

// cellParas cuts a cell's text into paragraphs and pieces; indent is the
// cell's indent in characters (1 pt each at 1 pt). The text's seams keep
// the parts of a unit's name whole (see joinWords).
func cellParas(text layout.Text, indent int, measure func(rune) float64) []cellPara {
	var out []cellPara
	at := 0 // the paragraph's first rune in the text
	for _, s := range strings.Split(text.S, "\n") {
		cp := newCellPara([]rune(s), float64(indent), measure)
		var seams []int
		for _, sm := range text.Seams {
			if sm.At > at && sm.At <= at+len(cp.rs) {
				seams = append(seams, sm.At-at)
			}
		}
		if len(seams) > 0 {
			cp.joinWords(seams)
		}
		out = append(out, cp)
		at += len(cp.rs) + 1
	}
	return out
}

// joinWords keeps the parts of a unit's name whole, which the composer's
// seams end (青川区|文化广电和旅游局): the Han characters from one seam (or
// the text's start) to the next are one word, which a line breaks inside
// only when the word alone is wider than the line; the break at a seam is
// preferred. Without a dictionary the cell breaker knows no other words,
// and a name split mid-word (文化广/电和旅游局) is the defect a reader sees.
func (cp *cellPara) joinWords(seams []int) {
	sort.Ints(seams)
	cp.join = make([]bool, len(cp.widths))
	cp.seam = make([]bool, len(cp.widths))
	han := func(i int) bool { return unicode.Is(unicode.Han, cp.rs[cp.starts[i]]) }
	from := 0
	for _, s := range seams {
		for i := 0; i+1 < len(cp.widths); i++ {
			if cp.starts[i] >= from && cp.starts[i+2] <= s && han(i) && han(i+1) {
				cp.join[i] = true
			}
			if cp.starts[i+1] == s {
				cp.seam[i] = true
			}
		}
		from = s
	}
	cp.min = cp.minimum()
}

// wordWidth is the width at 1 pt of the word that starts with piece i.
func (cp cellPara) wordWidth(i int) float64 {
	w := cp.widths[i]
	for ; cp.join[i]; i++ {
		w += cp.widths[i+1]
	}
	return w
}

// longPiece is the widest piece a cell keeps whole, in ems: twelve Han
// characters, 24 Latin letters or digits. A column of a form is rarely
// wider.
const longPiece = 12.0

func newCellPara(rs []rune, indent float64, measure func(rune) float64) cellPara {
	cp := cellPara{rs: rs, indent: indent}
	clusters := append(cjk.Clusters(rs), len(rs))
	for k := 0; k+1 < len(clusters); {
		s, e := clusters[k], clusters[k+1]
		k++
		piece := rs[s:e]
		switch {
		case isOperator(piece) && k+1 < len(clusters) && isNumber(rs[clusters[k]:clusters[k+1]]):
			k++ // ≥ with its number, then the number's unit below
			e = clusters[k]
			fallthrough
		case isNumber(rs[s:e]):
			k, e = bindUnit(rs, clusters, k, e)
		case len(cp.starts) > 0 && isSeparator(piece) && !cp.space[len(cp.starts)-1]:
			// A 科目名称's `-` stays with what precedes it; the break after
			// it is preferred.
			last := len(cp.starts) - 1
			cp.widths[last] += width(piece, measure)
			cp.soft[last] = true
			continue
		}
		blank := isBlank(rs[s:e])
		if last := len(cp.starts) - 1; blank && last >= 0 && e < len(rs) && !isLatin(rs[s-1]) && !isLatin(rs[e]) {
			// A space between words (项目表第 10 行 广播电视中心基本工资
			// 金额), not one around a figure: the break there is preferred.
			cp.soft[last] = true
		}
		w := width(rs[s:e], measure)
		if w > longPiece && e-s > 1 {
			// A piece wider than a column should be (a long Latin word,
			// a web address, a figure of twenty digits) breaks between
			// any two of its characters where a line ends, as a word
			// processor breaks it, rather than print over the next cell.
			for i := s; i < e; i++ {
				cp.starts = append(cp.starts, i)
				cp.widths = append(cp.widths, measure(rs[i]))
				cp.soft = append(cp.soft, false)
				cp.space = append(cp.space, blank)
			}
			continue
		}
		cp.starts = append(cp.starts, s)
		cp.widths = append(cp.widths, w)
		cp.soft = append(cp.soft, false)
		cp.space = append(cp.space, blank)
	}
	cp.starts = append(cp.starts, len(rs))
	cp.short = len([]rune(strings.TrimSpace(string(rs)))) <= 3
	cp.nat = cp.natural()
	cp.min = cp.minimum()
	return cp
}

func width(rs []rune, measure func(rune) float64) float64 {
	w := 0.0
	for _, r := range rs {
		w += measure(r)
	}
	return w
}

// bindUnit extends a number ending at clusters[k] (rune e) with what
// belongs to it: a bracketed unit right after it, or up to three Han
// characters (万元, 平方米, 年底前). It returns the next cluster and the
// piece's end.
func bindUnit(rs []rune, clusters []int, k, e int) (int, int) {
	if k+1 < len(clusters) && (rs[e] == '(' || rs[e] == '（') {
		for j := k; j+1 < len(clusters) && j < k+8; j++ {
			c := rs[clusters[j]:clusters[j+1]]
			if strings.ContainsAny(string(c), ")）") {
				return j + 1, clusters[j+1]
			}
		}
		return k, e
	}
	if !unicode.IsDigit(rs[e-1]) {
		return k, e // 95% takes no unit
	}
	for n := 0; n < 3 && k+1 < len(clusters); n++ {
		c := rs[clusters[k]:clusters[k+1]]
		if !unicode.Is(unicode.Han, c[0]) {
			break
		}
		k++
		e = clusters[k]
		if len(c) > 1 {
			break // a closing mark ends the unit
		}
	}
	return k, e
}

// isNumber reports whether a piece is a figure: it ends with a digit or a
// percent sign.
func isNumber(rs []rune) bool {
	r := rs[len(rs)-1]
	return unicode.IsDigit(r) || r == '%' || r == '％'
}

func isOperator(rs []rune) bool {
	return len(rs) == 1 && strings.ContainsRune("≥≤＞＜><=＝±+＋~～", rs[0])
}

func isSeparator(rs []rune) bool {
	return len(rs) == 1 && (rs[0] == '-' || rs[0] == '－')
}

// isLatin reports whether r is a letter or digit of a Latin word or figure.
func isLatin(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func isBlank(rs []rune) bool {
	return strings.Trim(string(rs), " 　\t") == ""
}

// natural is the paragraph's width on one line; widest is its widest piece,
// or all of it when it is short.
func (cp cellPara) natural() float64 {
	w := cp.indent
	for i, pw := range cp.widths {
		if !cp.space[i] || i < len(cp.widths)-1 {
			w += pw
		}
	}
	return w
}

func (cp cellPara) widest() float64 {
	if cp.short {
		return cp.natural()
	}
	w, word := 0.0, 0.0
	for i, pw := range cp.widths {
		word += pw
		if cp.join == nil || !cp.join[i] {
			w, word = max(w, word), 0
		}
	}
	return cp.indent + w
}

// fits reports whether the paragraph is one line at width w (at 1 pt), as
// appendLines would find, without breaking it: its natural width counts
// every piece that line holds, and a leading space besides.
func (cp cellPara) fits(w float64) bool { return cp.nat+1e-9 <= w+fitSlack }

// span is a line as a range of pieces [from, to).
type span struct{ from, to int }

const fitSlack = 1e-6 // at 1 pt: rounding must not push a full line's last piece down

// lines breaks the paragraph greedily into lines of width w (at 1 pt). A
// line that overflows ends after its last preferred break instead when
// that leaves it at least half full. A piece wider than a line has a line
// to itself.
func (cp cellPara) lines(w float64) []span { return cp.appendLines(nil, w) }

// appendLines is lines appended to out, for callers that count lines many
// times and reuse one slice. A word is kept whole only when that costs the
// paragraph no line: a form has no room for more lines (a column three
// characters wide prints 服务对/象满意/度指标 in three lines, not four).
// Then the paragraph takes as few lines as it needs, broken inside as few
// words as those lines allow.
func (cp cellPara) appendLines(out []span, w float64) []span {
	if cp.join == nil {
		return cp.appendBroken(out, w, false)
	}
	n := len(out)
	out = cp.appendBroken(out, w, true)
	if joined := len(out) - n; joined > 1 {
		var room [8]span // on the stack: a form's cell has a few lines
		if plain := cp.appendBroken(room[:0], w, false); len(plain) < joined {
			out = cp.appendFewestSplits(out[:n], w)
		}
	}
	return out
}

// appendFewestSplits breaks the paragraph into the fewest lines of width w
// and, among those, the ones that break inside the fewest words: a
// shortest path over the breaks between pieces. It is asked only of a
// paragraph whose words cost it a line, a form's cell of a few dozen
// pieces.
func (cp cellPara) appendFewestSplits(out []span, w float64) []span {
	w -= cp.indent
	n := len(cp.widths)
	type cost struct{ lines, splits, from int } // the best breaking of pieces [0, j): its count, and its last line's start
	var room [64]cost                           // on the stack for a cell of up to 63 pieces
	best := room[:0]
	if n+1 > len(room) {
		best = make([]cost, 0, n+1)
	}
	best = best[:n+1]
	for j := 1; j <= n; j++ {
		best[j] = cost{lines: n + 1}
		width, spaces, inked := 0.0, 0.0, 0 // the line [i, j): its width without its spaces at the ends
		for i := j - 1; i >= 0; i-- {
			if cp.space[i] {
				if inked > 0 {
					spaces += cp.widths[i]
				}
			} else {
				width += spaces + cp.widths[i]
				spaces = 0
				inked++
				if inked > 1 && width > w+fitSlack {
					break
				}
			}
			if inked == 0 || best[i].lines > n {
				continue
			}
			c := cost{best[i].lines + 1, best[i].splits, i}
			if j < n && cp.join[j-1] {
				c.splits++
			}
			if c.lines < best[j].lines || c.lines == best[j].lines && c.splits < best[j].splits {
				best[j] = c
			}
		}
	}
	first := len(out)
	for j := n; j > 0; j = best[j].from {
		from := best[j].from
		for cp.space[from] {
			from++ // no line starts with a space
		}
		out = append(out, span{from, j})
	}
	slices.Reverse(out[first:])
	return out
}

// appendBroken is appendLines, keeping words whole and preferring breaks
// between them when whole is set.
func (cp cellPara) appendBroken(out []span, w float64, whole bool) []span {
	w -= cp.indent
	n := len(cp.widths)
	from, used, pending := 0, 0.0, 0.0
	soft, softUsed := -1, 0.0
	for i := 0; i < n; i++ {
		pw := cp.widths[i]
		if cp.space[i] {
			if i == from {
				from++ // no line starts with a space
			} else {
				pending += pw
			}
			continue
		}
		if i > from && used+pending+pw > w+fitSlack {
			end := i
			if whole && cp.join[i-1] {
				// Inside a word: the word goes to the next line, unless
				// it starts this one or is wider than a line.
				ws := i - 1
				for ws > from && cp.join[ws-1] {
					ws--
				}
				if ws > from && cp.wordWidth(ws) <= w+fitSlack {
					end = ws
				}
			}
			if soft >= from && softUsed >= w/2 {
				end = min(end, soft+1)
			}
			out = append(out, span{from, end})
			from, used, pending, soft = end, 0, 0, -1
			for from < i && cp.space[from] {
				from++
			}
			for j := from; j < i; j++ {
				used += cp.widths[j]
				if cp.soft[j] || whole && cp.seam[j] {
					soft, softUsed = j, used
				}
			}
		}
		used += pending + pw
		pending = 0
		if cp.soft[i] || whole && cp.seam[i] {
			soft, softUsed = i, used
		}
	}
	if from < n || len(out) == 0 {
		out = append(out, span{from, n})
	}
	return out
}

// balanced breaks the paragraph into as few lines as w allows, then
// narrows the measure as far as it can without adding a line, so the lines
// come out even; a last line of one lone character takes the previous
// line's last piece.
func (cp cellPara) balanced(w float64) []span {
	ls := cp.lines(w)
	if len(ls) < 2 {
		return ls
	}
	// Narrowing keeps the breaks after separators the full measure found.
	softEnds := func(ls []span) int {
		n := 0
		for _, l := range ls {
			if l.to > l.from && (cp.soft[l.to-1] || cp.seam != nil && cp.seam[l.to-1]) {
				n++
			}
		}
		return n
	}
	soft := softEnds(ls)
	lo, hi := cp.widest(), w
	for hi-lo > 0.01 {
		mid := (lo + hi) / 2
		if m := cp.lines(mid); len(m) == len(ls) && softEnds(m) >= soft {
			hi = mid
		} else {
			lo = mid
		}
	}
	if hi < w {
		ls = cp.lines(hi)
	}
	last, prev := &ls[len(ls)-1], &ls[len(ls)-2]
	if cp.lone(*last) && prev.to-prev.from > 1 && !cp.space[prev.to-1] && (cp.join == nil || !cp.join[prev.to-2]) {
		prev.to--
		last.from--
	}
	return ls
}

// minimum is the narrowest measure at which the paragraph breaks into
// lines none of which is one lone character: its widest piece, widened a
// character at a time (a short text is never broken).
func (cp cellPara) minimum() float64 {
	w, nat := cp.widest(), cp.natural()
	for ; w < nat; w++ {
		ls := cp.balanced(w)
		ok := len(ls) > 1
		for _, l := range ls {
			ok = ok && !cp.lone(l)
		}
		if ok {
			return w
		}
	}
	return nat
}

// lone reports whether a line holds a single character besides
// punctuation.
func (cp cellPara) lone(l span) bool {
	n := 0
	for _, r := range cp.text(l) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n == 1
}

// text is a line's characters without the spaces at its ends.
func (cp cellPara) text(l span) string {
	if l.from >= l.to {
		return ""
	}
	return strings.TrimRight(string(cp.rs[cp.starts[l.from]:cp.starts[l.to]]), " 　")
}
