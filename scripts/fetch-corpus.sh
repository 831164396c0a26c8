#!/usr/bin/env bash
# Fetches the public-domain texts that the accuracy tests and the peer bench
# run on, from Debian packages (nothing large is committed):
#
#   kjv     King James Bible (bible-kjv-text, read with bible-kjv's `bible`):
#           repetitive verse, recurring sentence openings ("And he said").
#   jargon  The Jargon File 4.4.7 (dict-jargon): essay-like technical prose.
#   sqlite  SQLite's documentation (sqlite3-doc): formal specification prose.
#   gcide   GCIDE, the Collaborative International Dictionary of English
#           (dict-gcide): definitions full of citations, `--Bailey.`, `;`.
#   devil   The Devil's Dictionary (dict-devil): satirical entries and verse.
#   web     World English Bible (sword-text-web, a SWORD module read here):
#           modern-English verse-like narrative, curly quotes, its own paragraphs.
#   gnu     GNU coding standards and maintainers' guide (gnu-standards):
#           technical and formal prose, `--` dashes, Info cross-references.
#   licenses  Free-software licence texts (ruby-licensee ships them): legal
#           prose, numbered clauses, recurring boilerplate.
#   austen  Jane Austen's six novels (r-cran-janeaustenr): dialogue, long
#           sentences, `--` dashes, `_emphasis_`.
#   sparv   Reina-Valera 1909, Spanish (sword-text-sparv): accented letters in
#           most words, `¿`, whole chapters as paragraphs.
#   policy  The Debian Policy Manual (debian-policy): normative technical
#           prose, `must`/`should`, file names, curly quotes.
#   poems   Verse from fortune's songs-poems file (fortunes): short lines,
#           rhyme, repetition, little punctuation at the end.
#
# Licences: KJV, Jargon File, SQLite docs, Devil's Dictionary and World
# English Bible are in the public domain, as are Austen's novels and the
# Reina-Valera 1909; GCIDE and the Policy Manual are under the GPL, the GNU
# standards under the GFDL, the licence texts under their own verbatim-copying
# terms (see each package's copyright file). They are fetched for local tests
# and benchmarks only, never committed.
# Usage: scripts/fetch-corpus.sh [OUT_DIR]   (default: target/corpus)
# Writes OUT_DIR/SOURCE.txt for each source above: paragraphs separated by
# blank lines.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/corpus}
mkdir -p "$out/debs" "$out/root"
out=$(cd "$out" && pwd)
scripts=$(pwd)/scripts

need() { command -v "$1" >/dev/null 2>&1; }
need python3 || { echo "python3 is needed" >&2; exit 2; }
need apt-get || { echo "apt-get is needed to fetch the Debian packages" >&2; exit 2; }

packages=(bible-kjv bible-kjv-text dict-jargon sqlite3-doc dict-gcide dict-devil
  sword-text-web gnu-standards ruby-licensee r-cran-janeaustenr sword-text-sparv
  debian-policy fortunes)
wanted=()
for p in "${packages[@]}"; do
  ls "$out/debs/${p}"_*.deb >/dev/null 2>&1 || wanted+=("$p")
done
if [ ${#wanted[@]} -gt 0 ]; then
  (cd "$out/debs" && apt-get download "${wanted[@]}" 2>/dev/null) ||
    { apt-get update -qq && (cd "$out/debs" && apt-get download "${wanted[@]}"); }
fi
for deb in "$out"/debs/*.deb; do dpkg-deb -x "$deb" "$out/root"; done
root=$out/root

"$root/usr/bin/bible" -f -p "$root/usr/lib" "Gen1:1-Rev22:21" > "$out/kjv.dump"
python3 "$scripts/corpus_text.py" kjv "$out/kjv.dump" > "$out/kjv.txt"
zcat "$root/usr/share/dictd/jargon.dict.dz" > "$out/jargon.dict"
python3 "$scripts/corpus_text.py" jargon "$out/jargon.dict" > "$out/jargon.txt"
python3 "$scripts/corpus_text.py" sqlite "$root/usr/share/doc/sqlite3" > "$out/sqlite.txt"
zcat "$root/usr/share/dictd/gcide.dict.dz" > "$out/gcide.dict"
python3 "$scripts/corpus_text.py" gcide "$out/gcide.dict" > "$out/gcide.txt"
zcat "$root/usr/share/dictd/devil.dict.dz" > "$out/devil.dict"
python3 "$scripts/corpus_text.py" devil "$out/devil.dict" > "$out/devil.txt"
# The English zText module (its folder is named by version; sparv's is
# spaRV1909eb).
web_module=$(ls -d "$root"/usr/share/sword/modules/texts/ztext/eng*/ | head -1)
python3 "$scripts/corpus_text.py" web "$web_module" > "$out/web.txt"
for f in standards maintain; do zcat "$root/usr/share/doc/gnu-standards/$f.text.gz" > "$out/$f.text"; done
python3 "$scripts/corpus_text.py" gnu "$out/standards.text" "$out/maintain.text" > "$out/gnu.txt"
python3 "$scripts/corpus_text.py" licenses "$(ls -d "$root"/usr/share/rubygems-integration/all/gems/licensee-*/vendor/choosealicense.com/_licenses | tail -1)" > "$out/licenses.txt"
python3 "$scripts/corpus_text.py" austen "$root/usr/lib/R/site-library/janeaustenr/data/Rdata.rdb" > "$out/austen.txt"
python3 "$scripts/corpus_text.py" sparv "$root/usr/share/sword/modules/texts/ztext/spaRV1909eb" > "$out/sparv.txt"
python3 "$scripts/corpus_text.py" policy "$root/usr/share/doc/debian-policy/policy.html" > "$out/policy.txt"
python3 "$scripts/corpus_text.py" poems "$root/usr/share/games/fortunes/songs-poems" > "$out/poems.txt"
for s in kjv jargon sqlite gcide devil web gnu licenses austen sparv policy poems; do
  printf '%-9s %9d bytes %6d paragraphs\n' "$s" "$(wc -c < "$out/$s.txt")" "$(grep -c . "$out/$s.txt")"
done
