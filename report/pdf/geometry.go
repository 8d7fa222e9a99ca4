package pdf

import "budgetdoc/report/layout"

// mm converts millimetres to points.
func mm(v float64) float64 { return v * 72 / 25.4 }

// The GB/T 9704 page: A4, top margin 37 mm, left 28 mm, type area
// 156 × 225 mm holding 22 lines of 28 characters.
var (
	a4Short = mm(210)
	a4Long  = mm(297)

	typeWidth  = mm(156)
	typeHeight = mm(225)

	bodySize   = 16.0 // 三号
	linePitch  = typeHeight / 22
	charPitch  = typeWidth / 28
	pageNoSize = 14.0 // 四号
)

// frame is the type area of a page in points from the page's top-left.
type frame struct {
	pageW, pageH float64
	left, top    float64
	width        float64
	height       float64
	lines        int // grid lines per page
}

// frameFor gives the type area of an orientation. Landscape pages turn the
// portrait type area a quarter, the table's head toward the binding: the
// 订口 margin (28 mm) is at the top, the portrait foot's (35 mm) at the left.
func frameFor(o layout.Orientation) frame {
	if o == layout.Landscape {
		return frame{pageW: a4Long, pageH: a4Short, left: mm(35), top: mm(28), width: typeHeight, height: typeWidth, lines: 15}
	}
	return frame{pageW: a4Short, pageH: a4Long, left: mm(28), top: mm(37), width: typeWidth, height: typeHeight, lines: 22}
}

// baseline is where text of the given size sits in a grid line whose top is
// y: the em box centred in the line.
func baseline(y, size, pitch float64) float64 {
	return y + (pitch-size)/2 + 0.88*size
}
