#!/usr/bin/env python3
"""A second pair generator, written apart from src/synth.rs so that accuracy is
not tuned to one generator's habits. From any plain text (paragraphs separated
by blank lines) it makes an original and an edited, reflowed copy, and writes
the truth.

    gen_pair.py SOURCE SIZE OUT_DIR [SEED] [--reflow-only]

Its own sentence splitter and edit code: words replaced by words taken from
elsewhere in the text, words dropped or doubled, numbers changed; sentences
deleted; sentences inserted that splice a neighbour's opening onto another
sentence's ending; runs of 2-4 sentences merged (";", ", and", " — " or a bare
space, the next opening lower-cased); sentences split at ", and" / "; " /
", which"; paragraphs moved (some edited too). The copy is then re-paragraphed
(paragraphs joined in threes, or one cut in two) and filled by Python's
textwrap at a random width with break_on_hyphens, so hyphenated words wrap
after their hyphen.

Truth counts words the wdiff way: whitespace-separated, a word whose case or
punctuation changed is one deleted and one inserted.
"""
import json
import os
import random
import re
import sys
import textwrap

SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z"“(])')


def sentences(paragraph):
    return [s for s in SPLIT.split(" ".join(paragraph.split())) if s]


def read_paragraphs(path, size, rng):
    paras = [p for p in open(path, encoding="utf-8").read().split("\n\n") if len(p.split()) >= 6]
    start = rng.randrange(len(paras))
    out, total, i = [], 0, start
    while total < size:
        p = sentences(paras[i % len(paras)])
        out.append(p)
        total += sum(len(s) + 1 for s in p) + 1
        i += 1
    return out


class Truth:
    def __init__(self):
        self.deleted = self.inserted = 0
        self.counts = {"edited": 0, "deleted": 0, "inserted": 0, "merged": 0, "split": 0}
        self.moved = []
        self.moved_paragraphs = []


def edit_words(s, rng, vocab, truth):
    w = s.split()
    if len(w) < 5:
        return s
    i = rng.randrange(1, len(w) - 1)
    kind = rng.choice(["replace", "drop", "double", "number"])
    if kind == "number":
        nums = [k for k in range(1, len(w) - 1) if re.fullmatch(r"\d+", w[k])]
        if not nums:
            kind = "replace"
        else:
            k = rng.choice(nums)
            w[k] = str(int(w[k]) + rng.randrange(1, 9))
            truth.deleted += 1
            truth.inserted += 1
    if kind == "replace":
        new = rng.choice(vocab)
        if new != w[i]:
            w[i] = new
            truth.deleted += 1
            truth.inserted += 1
    elif kind == "drop":
        del w[i]
        truth.deleted += 1
    elif kind == "double":
        w.insert(i, w[i])
        truth.inserted += 1
    truth.counts["edited"] += 1
    return " ".join(w)


def lower_first(s):
    return s[0].lower() + s[1:]


def merge_run(run, rng, truth):
    """Joins sentences while each ends in '.' and the next opens Capitalised."""
    out = run[0]
    n = 1
    for nxt in run[1:]:
        first = nxt.split()[0]
        if not (out.endswith(".") and len(first) > 1 and first[0].isupper() and first[1].islower()):
            break
        out = out[:-1]
        truth.deleted += 2  # the last word's full stop, the opening's capital
        truth.inserted += 2
        joiner = rng.choice(["; ", ", and ", " — ", " "])
        if joiner in (", and ", " — "):
            truth.inserted += 1  # "and", or the dash standing as a word
        out += joiner + lower_first(nxt)
        n += 1
    if n > 1:
        truth.counts["merged"] += 1
    return out, n


def split_sentence(s, rng, truth):
    w = s.split()
    if len(w) < 12:
        return None
    for k in range(len(w) // 3, len(w) - 4):
        if w[k].endswith((",", ";")) and w[k + 1][:1].islower():
            first = w[:k] + [w[k][:-1] + "."]
            rest = w[k + 1:]
            truth.deleted += 1
            truth.inserted += 1
            if rest[0] in ("and", "which", "but") and rng.random() < 0.5:
                rest = rest[1:]
                truth.deleted += 1
            if rest[0][:1].islower():
                rest[0] = rest[0][0].upper() + rest[0][1:]
                truth.deleted += 1
                truth.inserted += 1
            truth.counts["split"] += 1
            return " ".join(first), " ".join(rest)
    return None


def spliced(before, donor, rng):
    """A neighbour's opening onto the second half of another sentence."""
    a = before.split()[: rng.randrange(2, 5)]
    b = donor.split()
    b = b[len(b) // 2:]
    if len(b) < 3:
        b = donor.split()
    return " ".join(a + b)


def edit_paragraph(p, rng, vocab, pool, truth, rates):
    out = []
    i = 0
    while i < len(p):
        r = rng.random()
        if r < rates["delete"]:
            truth.deleted += len(p[i].split())
            truth.counts["deleted"] += 1
            i += 1
            continue
        r -= rates["delete"]
        if r < rates["merge"] and i + 1 < len(p):
            merged, n = merge_run(p[i:i + rng.randrange(2, 5)], rng, truth)
            out.append(merged)
            i += n
        else:
            s = p[i]
            if rng.random() < rates["edit"]:
                s = edit_words(s, rng, vocab, truth)
            parts = split_sentence(s, rng, truth) if rng.random() < rates["split"] else None
            out.extend(parts or [s])
            i += 1
        if rng.random() < rates["insert"]:
            new = spliced(out[-1], rng.choice(pool), rng)
            truth.inserted += len(new.split())
            truth.counts["inserted"] += 1
            out.append(new)
    if not out:
        # The whole paragraph went: the sentence put in its place opens
        # with another sentence's words, not the deleted opening (which
        # would stand where it stood, unchanged, and not be an insertion),
        # nor its donor's own (which would make it that sentence, cut).
        opener, donor = rng.choice(pool), rng.choice(pool)
        new = spliced(opener, donor, rng)
        truth.inserted += len(new.split())
        truth.counts["inserted"] += 1
        out.append(new)
    return out


def reflow(paras, rng, hyphens=True):
    """Re-paragraphs (threes joined, or one cut in two) and fills with textwrap."""
    blocks = []
    i = 0
    while i < len(paras):
        if rng.random() < 0.5:
            blocks.append(sum(paras[i:i + 3], []))
            i += 3
        else:
            p = paras[i]
            cut = len(p) // 2
            blocks.extend([p[:cut], p[cut:]] if cut else [p])
            i += 1
    width = rng.randrange(60, 79)
    return "\n\n".join(
        textwrap.fill(" ".join(b), width=width, break_on_hyphens=hyphens, break_long_words=False)
        for b in blocks if b
    ) + "\n"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    source, size, out_dir = args[0], args[1], args[2]
    seed = int(args[3]) if len(args) > 3 else 1
    mult = {"k": 1000, "m": 1000000}.get(size[-1].lower(), 1)
    size = int(size.rstrip("kKmM")) * mult
    rng = random.Random(seed)
    paras = read_paragraphs(source, size, rng)
    original = "\n\n".join(" ".join(p) for p in paras) + "\n"
    truth = Truth()
    if "--reflow-only" in flags:
        copy_paras = [list(p) for p in paras]
    else:
        words = [w for p in paras for s in p for w in s.split()]
        vocab = [w for w in words if w.isalpha() and w.islower() and len(w) > 3] or ["word"]
        pool = [s for p in paras for s in p if len(s.split()) >= 6] or ["A sentence of six words here."]
        rates = {"edit": 0.012, "delete": 0.005, "insert": 0.005, "merge": 0.012, "split": 0.006}
        copy_paras = [edit_paragraph(p, rng, vocab, pool, truth, rates) for p in paras]
        moves = 2 + len(copy_paras) // 120
        for _ in range(moves):
            n = len(copy_paras)
            a, b = rng.randrange(n), rng.randrange(n)
            if abs(a - b) < 5 or len(copy_paras[a][0].split()) < 6:
                continue
            p = copy_paras.pop(a)
            if rng.random() < 0.3 and len(p) > 1:
                k = rng.randrange(1, len(p))
                p[k] = edit_words(p[k], rng, vocab, truth)
            truth.moved.append(p[0])
            truth.moved_paragraphs.append(list(p))
            copy_paras.insert(min(b, len(copy_paras)), p)
    copy = reflow(copy_paras, rng, hyphens="--no-hyphens" not in flags)
    os.makedirs(out_dir, exist_ok=True)
    open(os.path.join(out_dir, "old.txt"), "w", encoding="utf-8").write(original)
    open(os.path.join(out_dir, "new.txt"), "w", encoding="utf-8").write(copy)
    json.dump(
        {
            "words_deleted": truth.deleted,
            "words_inserted": truth.inserted,
            "sentences": truth.counts,
            "paragraphs_moved": len(truth.moved),
            "moved": truth.moved,
            "moved_paragraphs": truth.moved_paragraphs,
        },
        open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8"),
        indent=1,
    )


if __name__ == "__main__":
    main()
