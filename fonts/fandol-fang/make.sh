#!/usr/bin/env bash
# Rebuilds FandolFang-Regular.ttf, the body face (仿宋), from Debian's
# texlive-lang-chinese, which ships FandolFang-Regular.otf (GPL with the font
# exception, see COPYING and LICENSE). The OTF has CFF outlines, which gofpdf
# cannot embed; otf2ttf.py converts them to TrueType outlines. The result is
# byte for byte the committed file. Needs apt-get, dpkg-deb and Debian's
# python3-fonttools (/usr/bin/python3); takes a minute or two. Run from
# anywhere: fonts/fandol-fang/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download texlive-lang-chinese=2022.20230122-1 >/dev/null
dpkg-deb -x texlive-lang-chinese_*.deb x
otf=x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf
# The converted file is only reproducible from this exact OTF.
echo "d838ad32ce2244d8144f408c37fe71065aba6fbbc80759a4d2aa2033948d5bc9  $otf" | sha256sum -c --quiet
/usr/bin/python3 "$here/otf2ttf.py" "$otf" "$here/FandolFang-Regular.ttf"
sha256sum "$here/FandolFang-Regular.ttf"
# The OTF's own metrics, which fonts/fandol_test.go checks the TTF against.
/usr/bin/python3 "$here/metrics.py" "$otf" "$here/../testdata/fandol-fang-metrics.txt.gz"
