#!/usr/bin/env python3
"""A pair of mixed news for timing `storydiff diff --by claims` on independent
write-ups at size: two long texts that tell many of the same events in
different words, with no sentence word for word on both sides (so every
sentence is searched, unlike a generated reprint pair, whose twins skip it).

    mixed_news_pair.py SAME_EVENT_DIR SIZE OUT_DIR [SEED]

From the same-event development set (`../shared/data/same-event/`, whose
manifest.json lists the write-ups by event and outlet stance): the old side is every event's
left-rated write-up and the centre one of even-numbered events, the new side
every event's right-rated write-up and the centre one of odd-numbered
events (about 150 KB each). Each side repeats its write-ups, each round in
a new seeded order, until it holds SIZE bytes (a k or m suffix: `1m`);
write-ups are separated by blank lines, as a scraper's dump would be.
Writes OUT_DIR/old.txt and OUT_DIR/new.txt.
"""
import json
import os
import random
import sys


def parse_size(s):
    s = s.lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(s[-1:], 1)
    return int(s[:-1] if mult > 1 else s) * mult


def side(texts, size, rng):
    out, total = [], 0
    while total < size:
        order = list(range(len(texts)))
        rng.shuffle(order)
        for i in order:
            out.append(texts[i])
            total += len(texts[i].encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(out) + "\n"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    src, size, out = sys.argv[1], parse_size(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    manifest = json.load(open(os.path.join(src, "manifest.json"), encoding="utf-8"))
    read = lambda e: open(os.path.join(src, e["file"]), encoding="utf-8").read().strip()
    old, new = [], []
    for e in sorted(manifest, key=lambda e: (e["event"], e["stance"])):
        if e["stance"] == "left" or (e["stance"] == "center" and e["event"] % 2 == 0):
            old.append(read(e))
        else:
            new.append(read(e))
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for name, texts in (("old.txt", old), ("new.txt", new)):
        text = side(texts, size, rng)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{name}: {len(texts)} write-ups, {len(text.encode('utf-8'))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
