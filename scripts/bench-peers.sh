#!/usr/bin/env bash
# Times storydiff against wdiff, dwdiff, git's word diff and GNU diff on the same
# generated pairs (~40 KB, 1 MB, 5 MB: an original and a reflowed copy with ~1% of
# sentences edited, ~0.5% deleted, ~0.5% inserted, runs of sentences merged and
# split, a few paragraphs moved), and counts the changed words each reports
# against the generator's truth — on every source: generated news prose and
# the texts of scripts/fetch-corpus.sh (KJV, Jargon File, SQLite docs, GCIDE,
# Devil's Dictionary, World English Bible, GNU standards, licence texts, Jane
# Austen's novels, the Spanish Reina-Valera, the Debian Policy Manual, verse), each
# through the project's generator (examples/gen_pair.rs) and the independent
# one (scripts/gen_pair.py, which also wraps after hyphens).
#
# Usage: scripts/bench-peers.sh [OUT_DIR]   (default: target/bench-peers)
# Environment: SOURCES (default "generated kjv jargon sqlite gcide devil web gnu
# licenses austen sparv policy poems"), GENERATORS (default "rs py"), TOOLS
# (default "storydiff wdiff dwdiff git git-minimal diff"), SIZES (default
# "40k 1m 5m"), ROUNDS (default 1: hyperfine runs per pair, each with every
# tool; a few rounds spread each tool's runs over the time the machine's
# load changes in, and the medians pool them).
# Prints a Markdown table (median wall time, CPU time — user + system, the
# mean over rounds —, peak memory, words deleted/inserted and their error
# against the truth) and writes it to OUT_DIR/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/bench-peers}
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
for tool in wdiff dwdiff hyperfine git python3; do need "$tool" || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  if need apt-get; then
    echo "installing: ${missing[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
  else
    echo "missing tools: ${missing[*]} (install them and rerun)" >&2
    exit 2
  fi
fi
[ -x /usr/bin/time ] || { need apt-get && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet --bin storydiff --example gen_pair
bin=target/release/storydiff
sources=${SOURCES:-generated kjv jargon sqlite gcide devil web gnu licenses austen sparv policy poems}
generators=${GENERATORS:-rs py}
read -r -a tools <<< "${TOOLS:-storydiff wdiff dwdiff git git-minimal diff}"
sizes=${SIZES:-40k 1m 5m}
rounds=${ROUNDS:-1}
if [ "$sources" != generated ] && [ ! -s target/corpus/poems.txt ]; then
  scripts/fetch-corpus.sh >&2
fi

# Peak resident memory in KB (diff tools exit 1 when inputs differ: not an error here).
peak_kb() {
  local err="$out/time.err"
  /usr/bin/time -o "$err" -f %M "$@" >/dev/null 2>&1 || true
  tail -1 "$err"
}

# Words a tool reports as deleted and inserted (changed words count on both sides).
count() {
  local tool=$1 old=$2 new=$3
  case $tool in
    storydiff)
      { "$bin" diff "$old" "$new" --format json || true; } | python3 -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["words_deleted"], s["words_inserted"])' ;;
    wdiff)
      { wdiff -s "$old" "$new" || true; } | python3 -c '
import re,sys
lines=sys.stdin.read().splitlines()[-2:]
def n(l, what):
    m=re.search(r"(\d+) \d+% "+what, l); return int(m.group(1)) if m else 0
print(n(lines[0],"deleted")+n(lines[0],"changed"), n(lines[1],"inserted")+n(lines[1],"changed"))' ;;
    dwdiff)
      { dwdiff -s "$old" "$new" >/dev/null || true; } 2>&1 | python3 -c '
import re,sys
lines=[l for l in sys.stdin.read().splitlines() if "common" in l][-2:]
def n(l, what):
    m=re.search(r"(\d+) \d+% "+what, l); return int(m.group(1)) if m else 0
print(n(lines[0],"deleted")+n(lines[0],"changed"), n(lines[1],"inserted")+n(lines[1],"changed"))' ;;
    git|git-minimal)
      local extra=(); [ "$tool" = git-minimal ] && extra=(--diff-algorithm=minimal)
      # Porcelain: a header, then per hunk "@@" and one line per run of
      # words, " " common, "-" deleted, "+" inserted, "~" a line end. Only
      # lines before the first "@@" are the header: a deleted run may itself
      # open with "--" (an SQL comment, a dash) and still counts. The counts
      # are git's own: on reflowed pairs the whole file is one hunk, and its
      # default Myers diff (xdiff's cost cut-off, no --minimal) over ~100,000
      # words gives up on long stretches and reports them deleted and
      # inserted whole (the old and new texts rebuilt from this output equal
      # the inputs word for word); git-minimal shows the difference.
      { git diff --no-index "${extra[@]}" --word-diff=porcelain "$old" "$new" || true; } | python3 -c '
import sys
d=i=0
body=False
for l in sys.stdin:
    if l.startswith("@@"): body=True; continue
    if not body: continue
    if l.startswith("-"): d+=len(l[1:].split())
    elif l.startswith("+"): i+=len(l[1:].split())
print(d, i)' ;;
    diff)
      { diff "$old" "$new" || true; } | python3 -c '
import sys
d=i=0
for l in sys.stdin:
    if l.startswith("< "): d+=len(l[2:].split())
    elif l.startswith("> "): i+=len(l[2:].split())
print(d, i)' ;;
  esac
}

cmd_for() {
  local tool=$1 old=$2 new=$3
  case $tool in
    storydiff) echo "$bin diff $old $new --format json" ;;
    wdiff) echo "wdiff $old $new" ;;
    dwdiff) echo "dwdiff $old $new" ;;
    git) echo "git diff --no-index --word-diff=porcelain $old $new" ;;
    git-minimal) echo "git diff --no-index --diff-algorithm=minimal --word-diff=porcelain $old $new" ;;
    diff) echo "diff $old $new" ;;
  esac
}

table="$out/results.md"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)); medians of one hyperfine run per pair with every tool in it."
  echo
  echo "| source | gen | size | tool | median | CPU | peak memory | words deleted (truth) | words inserted (truth) | error |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$table"

# One pair: old.txt, new.txt, truth.json in DIR.
make_pair() {
  local source=$1 gen=$2 size=$3 dir=$4
  local text=target/corpus/$source.txt
  case $gen in
    rs) if [ "$source" = generated ]; then target/release/examples/gen_pair "$size" "$dir" 1
        else target/release/examples/gen_pair "$size" "$dir" 1 "$text"; fi ;;
    py) [ "$source" = generated ] && { target/release/examples/gen_pair 1m "$out/news-source" 1 >/dev/null; text=$out/news-source/old.txt; }
        python3 scripts/gen_pair.py "$text" "$size" "$dir" 1 ;;
  esac
}

for source in $sources; do
for gen in $generators; do
for size in $sizes; do
  dir="$out/$source-$gen-$size"
  make_pair "$source" "$gen" "$size" "$dir" >/dev/null
  old="$dir/old.txt"; new="$dir/new.txt"
  read -r td ti < <(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(t["words_deleted"], t["words_inserted"])' "$dir/truth.json")
  # All tools in one hyperfine run, so that the medians compared come from
  # the same stretch of a shared, noisy machine. Small inputs take
  # milliseconds: many runs.
  case $size in 40k) runs=40 ;; 1m) runs=15 ;; *) runs=6 ;; esac
  cmds=()
  for tool in "${tools[@]}"; do cmds+=("$(cmd_for "$tool" "$old" "$new")"); done
  for ((r = 0; r < rounds; r++)); do
    hyperfine -N -i -w 3 -r "$runs" --export-json "$dir/hyperfine.$r.json" "${cmds[@]}" >/dev/null 2>&1
  done
  for t in "${!tools[@]}"; do
    tool=${tools[$t]}
    cmd=${cmds[$t]}
    read -r median cpu < <(python3 -c '
import json, statistics, sys
runs = [json.load(open("%s/hyperfine.%d.json" % (sys.argv[1], r)))["results"][int(sys.argv[2])] for r in range(int(sys.argv[3]))]
ms = lambda v: ("%.2f ms" if v < 10 else "%.1f ms") % v
times = [t for run in runs for t in run["times"]]
cpu = statistics.mean(run["user"] + run["system"] for run in runs)
print(ms(statistics.median(times) * 1000).replace(" ", ""), ms(cpu * 1000).replace(" ", ""))' "$dir" "$t" "$rounds")
    # shellcheck disable=SC2086
    mem=$(peak_kb $cmd)
    read -r d i < <(count "$tool" "$old" "$new")
    err=$(python3 -c 'import sys; d,i,td,ti=map(int,sys.argv[1:]); print("%+.1f%% / %+.1f%%" % (100*(d-td)/max(td,1), 100*(i-ti)/max(ti,1)))' "$d" "$i" "$td" "$ti")
    echo "| $source | $gen | $size | $tool | ${median/ms/ ms} | ${cpu/ms/ ms} | $((mem / 1024)) MB | $d ($td) | $i ($ti) | $err |" >> "$table"
  done
done
done
done
cat "$table"
