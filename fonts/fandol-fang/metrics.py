"""Write the metrics of every glyph of an OpenType font, measured on its own
outlines, as the reference the conversion test checks the TrueType file
against (fonts/fandol_test.go), so that the test needs no 49 MB package.

One line per glyph, in glyph order: advance, then the tight bounds of the
outline (xMin yMin xMax yMax, rounded to font units; "-" for an empty glyph),
then the characters the cmap maps to the glyph, in hex. Gzipped without a
timestamp, so the same input gives the same bytes.

Usage: metrics.py IN.otf OUT.txt.gz
"""
import gzip
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont


def main(src, dst):
    font = TTFont(src)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    runes = {}
    for r, name in sorted(font.getBestCmap().items()):
        runes.setdefault(name, []).append("%x" % r)
    lines = ["# %s: %d glyphs, %d units per em" % (font["name"].getDebugName(4), len(order), font["head"].unitsPerEm)]
    for name in order:
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        fields = [str(font["hmtx"][name][0])]
        if pen.bounds is None:
            fields.append("-")
        else:
            fields += [str(round(v)) for v in pen.bounds]
        fields += runes.get(name, [])
        lines.append(" ".join(fields))
    with open(dst, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as z:
            z.write(("\n".join(lines) + "\n").encode())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
