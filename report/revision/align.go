package revision

// pair is an aligned pair of list positions; -1 on one side is an
// insertion or a deletion.
type pair struct{ old, new int }

// align aligns two lists on their longest common subsequence, then pairs
// the unmatched items between two anchors one to one, so an edited
// paragraph is a change and an inserted one an addition.
func align[T comparable](old, new []T) []pair {
	n, m := len(old), len(new)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if old[i] == new[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []pair
	var dels, ins []int
	flush := func() {
		k := 0
		for ; k < len(dels) && k < len(ins); k++ {
			out = append(out, pair{dels[k], ins[k]})
		}
		for _, d := range dels[k:] {
			out = append(out, pair{d, -1})
		}
		for _, a := range ins[k:] {
			out = append(out, pair{-1, a})
		}
		dels, ins = dels[:0], ins[:0]
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && old[i] == new[j]:
			flush()
			out = append(out, pair{i, j})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			ins = append(ins, j)
			j++
		default:
			dels = append(dels, i)
			i++
		}
	}
	flush()
	return out
}
