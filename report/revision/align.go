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

// match pairs the items of two versions of a list by key: it calls matched
// for each new item whose key the old list has, added for each it lacks, in
// the new list's order, then removed for each old item left over. Keys
// must be unique within a list.
func match(oldKeys, newKeys []string, matched func(oi, ni int), added func(ni int), removed func(oi int)) {
	oldAt := make(map[string]int, len(oldKeys))
	for i, k := range oldKeys {
		oldAt[k] = i
	}
	used := make([]bool, len(oldKeys))
	for ni, k := range newKeys {
		if oi, ok := oldAt[k]; ok {
			used[oi] = true
			matched(oi, ni)
		} else {
			added(ni)
		}
	}
	for oi := range oldKeys {
		if !used[oi] {
			removed(oi)
		}
	}
}

// keys lists a key for each item.
func keys[T any](items []T, key func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = key(it)
	}
	return out
}
