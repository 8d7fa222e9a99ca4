package revision

import "strings"

// context is how many characters of unchanged text a change shows on each
// side.
const context = 12

// segment is a run of a compared text: unchanged, or a change of del into
// ins.
type segment struct {
	same     string
	del, ins string
}

// segments diffs two texts character by character.
func segments(old, new string) []segment {
	o, n := []rune(old), []rune(new)
	var out []segment
	var same, del, ins strings.Builder
	flushSame := func() {
		if same.Len() > 0 {
			out = append(out, segment{same: same.String()})
			same.Reset()
		}
	}
	flushChange := func() {
		if del.Len() > 0 || ins.Len() > 0 {
			out = append(out, segment{del: del.String(), ins: ins.String()})
			del.Reset()
			ins.Reset()
		}
	}
	for _, p := range align(o, n) {
		switch {
		case p.old >= 0 && p.new >= 0 && o[p.old] == n[p.new]:
			flushChange()
			same.WriteRune(o[p.old])
		default:
			flushSame()
			if p.old >= 0 {
				del.WriteRune(o[p.old])
			}
			if p.new >= 0 {
				ins.WriteRune(n[p.new])
			}
		}
	}
	flushChange()
	flushSame()
	return merge(out)
}

// merge joins two changes separated by an unchanged run of a character or
// two into one change, which reads better: 权限 → 授权 rather than
// {+授+}权[-限-].
func merge(segs []segment) []segment {
	isChange := func(s segment) bool { return s.del != "" || s.ins != "" }
	for i := 1; i+1 < len(segs); {
		a, mid, b := segs[i-1], segs[i], segs[i+1]
		if isChange(a) && !isChange(mid) && isChange(b) && len([]rune(mid.same)) <= 2 {
			joined := segment{del: a.del + mid.same + b.del, ins: a.ins + mid.same + b.ins}
			segs = append(append(segs[:i-1], joined), segs[i+2:]...)
			continue
		}
		i++
	}
	return segs
}

// trim shortens an unchanged run to the context a reader needs: the end of
// the first run, the start of the last, both ends of one in between.
func trim(s string, first, last bool) string {
	rs := []rune(s)
	switch {
	case first && last:
		return s
	case first && len(rs) > context:
		return "…" + string(rs[len(rs)-context:])
	case last && len(rs) > context:
		return string(rs[:context]) + "…"
	case !first && !last && len(rs) > 2*context:
		return string(rs[:context]) + "…" + string(rs[len(rs)-context:])
	}
	return s
}

// Span shows how two texts differ: each changed run, deleted [-…-] and
// inserted {+…+}, in a little unchanged context, such as
// …管委会[-权限-]{+授权+}范围内行政审批和{+投资+}项目服务….
func Span(old, new string) string {
	segs := segments(old, new)
	var b strings.Builder
	for i, s := range segs {
		if s.del == "" && s.ins == "" {
			b.WriteString(trim(s.same, i == 0, i == len(segs)-1))
			continue
		}
		if s.del != "" {
			b.WriteString("[-" + s.del + "-]")
		}
		if s.ins != "" {
			b.WriteString("{+" + s.ins + "+}")
		}
	}
	return b.String()
}

// Piece is a stretch of one side of a compared text, changed or not.
type Piece struct {
	S       string
	Changed bool
}

// Marked shows the same changes as Span as two texts in pieces, the old
// with its deleted runs and the new with its inserted runs marked, for a
// table's two columns.
func Marked(old, new string) (o, n []Piece) {
	segs := segments(old, new)
	for i, s := range segs {
		if s.del == "" && s.ins == "" {
			t := trim(s.same, i == 0, i == len(segs)-1)
			o = append(o, Piece{S: t})
			n = append(n, Piece{S: t})
			continue
		}
		if s.del != "" {
			o = append(o, Piece{S: s.del, Changed: true})
		}
		if s.ins != "" {
			n = append(n, Piece{S: s.ins, Changed: true})
		}
	}
	return o, n
}
