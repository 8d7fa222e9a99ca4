// Package pdf renders a layout.Document to PDF with the typesetting of
// Chinese official documents (GB/T 9704-2012): the A4 page with a 156 × 225
// mm type area, a grid of 22 lines of 28 characters of 三号 text, lines
// broken by the rules in package cjk and justified on both sides, headings
// kept with what follows, a table of contents with real page numbers, page
// numbers — N — on alternating sides, bookmarks and metadata.
//
// Rendering plans before it draws: plan.go flows the blocks into pages of
// positioned text runs and rules (which the tests inspect), draw.go writes
// that plan with gofpdf. gofpdf's own wrapping is never used: it drops a Han
// character at every wrap.
package pdf
