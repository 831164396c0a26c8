#!/usr/bin/env bash
# Fetches the public-domain texts that the accuracy tests and the peer bench
# run on, from Debian packages (nothing large is committed):
#
#   kjv     King James Bible (bible-kjv-text, read with bible-kjv's `bible`):
#           repetitive verse, recurring sentence openings ("And he said").
#   jargon  The Jargon File 4.4.7 (dict-jargon): essay-like technical prose.
#   sqlite  SQLite's documentation (sqlite3-doc): formal specification prose.
#
# All three are in the public domain (see each package's copyright file).
# Usage: scripts/fetch-corpus.sh [OUT_DIR]   (default: target/corpus)
# Writes OUT_DIR/{kjv,jargon,sqlite}.txt: paragraphs separated by blank lines.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/corpus}
mkdir -p "$out/debs" "$out/root"
out=$(cd "$out" && pwd)
scripts=$(pwd)/scripts

need() { command -v "$1" >/dev/null 2>&1; }
need python3 || { echo "python3 is needed" >&2; exit 2; }
need apt-get || { echo "apt-get is needed to fetch the Debian packages" >&2; exit 2; }

packages=(bible-kjv bible-kjv-text dict-jargon sqlite3-doc)
if ! ls "$out"/debs/bible-kjv_*.deb >/dev/null 2>&1; then
  (cd "$out/debs" && apt-get download "${packages[@]}" 2>/dev/null) ||
    { apt-get update -qq && (cd "$out/debs" && apt-get download "${packages[@]}"); }
fi
for deb in "$out"/debs/*.deb; do dpkg-deb -x "$deb" "$out/root"; done
root=$out/root

"$root/usr/bin/bible" -f -p "$root/usr/lib" "Gen1:1-Rev22:21" > "$out/kjv.dump"
python3 "$scripts/corpus_text.py" kjv "$out/kjv.dump" > "$out/kjv.txt"
zcat "$root/usr/share/dictd/jargon.dict.dz" > "$out/jargon.dict"
python3 "$scripts/corpus_text.py" jargon "$out/jargon.dict" > "$out/jargon.txt"
python3 "$scripts/corpus_text.py" sqlite "$root/usr/share/doc/sqlite3" > "$out/sqlite.txt"
for s in kjv jargon sqlite; do
  printf '%-7s %8d bytes %6d paragraphs\n' "$s" "$(wc -c < "$out/$s.txt")" "$(grep -c . "$out/$s.txt")"
done
