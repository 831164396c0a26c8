#!/usr/bin/env python3
"""A second, independent pair generator for the accuracy check (plain Python 3).

    gen_pair_blind.py SOURCE.txt OUT_DIR [--size BYTES] [--seed N] [--rate R]
                      [--jitter COLUMNS] [--reflow-only] [--textwrap] [--no-moves]
                      [--insert-from OTHER.txt ...]

Written without reading the project's own generators (src/synth.rs,
scripts/gen_pair.py) or the engine, so that its habits are its own.

From a plain text whose paragraphs are separated by blank lines it writes
  OUT_DIR/old.txt      a slice of about --size bytes (paragraphs as in the source;
                       a source shorter than that is read round again),
  OUT_DIR/new.txt      the slice edited as an editor would, then re-paragraphed,
                       moved about and hard-wrapped at varied widths,
  OUT_DIR/truth.json   words_deleted, words_inserted and moved_paragraphs (the
                       format scripts/accuracy.py reads), plus `log`: every edit
                       with its kind, its old and new text, its counts and its byte
                       spans in old.txt and new.txt; `moved_spans` (each moved
                       paragraph's bytes in both files), `hyphen_breaks` (where
                       new.txt cuts a word after a hyphen) and the wrap `style`,
  OUT_DIR/new-unmoved.txt  the same edits with every paragraph in its old place and
                       no breaks after hyphens: `wdiff -s old.txt new-unmoved.txt`
                       must count exactly words_deleted and words_inserted.

Words are counted the wdiff way: runs of ASCII non-space characters; a word whose
case or punctuation changed is one word deleted and one inserted. The edits are
grouped into units (one to four old sentences and what became of them); two units
never touch (at least one unedited sentence and five words between them), and a
unit counts the words outside a longest common subsequence of its old and new
words. Moving a paragraph costs no words; an edit inside a moved paragraph costs
what it costs.

The edit model: word substitutions (synonyms, another word, case, punctuation,
contractions, numbers), words and short clauses dropped or added, whole sentences
deleted, sentences inserted (from another source or a far part of this one), 2-4
sentences merged (';', ',', ', and', ' and', dashes, ':' or a dropped full stop; the
next opening mostly lower-cased; sometimes across a paragraph break, sometimes with
a word edited inside), sentences split in two or three, quotation marks restyled
in a paragraph, paragraphs joined and split, single paragraphs and blocks of two or
three moved, near or far (some of them edited); then a greedy wrap at a width drawn
per pair (40-100) and varied per paragraph by up to --jitter columns (0, 4 or 12
by default), breaking after hyphens inside words when that fits, with CRLF line
ends or trailing spaces in some pairs.

So that the truth is the one cheapest reading: two edits never touch; a sentence
inserted from this text is none that an edit touches (a deleted copy and an
inserted one would read as a move); a moved block passes paragraphs holding at
least twice its words, and a later move never takes paragraphs out of a short
one's way.

--reflow-only writes the slice only re-wrapped (with breaks after hyphens, and in
some pairs paragraphs joined or split, CRLF or trailing spaces): truth 0 and 0.
--textwrap wraps with Python's textwrap instead (which also breaks before `--`).
"""
import argparse
import json
import os
import random
import re
import textwrap

WS = re.compile(r"[ \t\n\r\f\v]+")
WORD = re.compile(rb"[^ \t\n\r\f\v]+")
ABBR = {
    "mr.", "mrs.", "dr.", "st.", "vs.", "e.g.", "i.e.", "etc.", "no.", "co.", "inc.",
    "ltd.", "jr.", "sr.", "prof.", "gen.", "col.", "capt.", "lt.", "sgt.", "rev.",
    "hon.", "fig.", "vol.", "ch.", "p.", "pp.", "cf.", "viz.", "n.", "v.", "a.",
    "adj.", "adv.", "pl.", "sing.", "obs.", "esp.", "usu.", "approx.", "u.s.", "ver.",
}
SYN = {
    "said": ["stated", "remarked", "told"], "big": ["large"], "large": ["big", "great"],
    "small": ["little"], "little": ["small"], "began": ["started"], "begin": ["start"],
    "many": ["numerous", "several"], "very": ["really", "quite"], "but": ["yet"],
    "because": ["since", "as"], "however": ["nevertheless", "still"],
    "shall": ["will", "must"], "unto": ["to"], "thee": ["you"], "thou": ["you"],
    "hath": ["has"], "saith": ["says"], "spake": ["spoke"], "must": ["should"],
    "use": ["employ", "utilise"], "used": ["employed"], "help": ["assist"],
    "show": ["display"], "shows": ["displays"], "quickly": ["rapidly", "fast"],
    "often": ["frequently"], "about": ["around", "roughly"], "buy": ["purchase"],
    "get": ["obtain"], "need": ["require"], "needs": ["requires"], "end": ["finish"],
    "like": ["such as"], "also": ["too", "as well"], "whole": ["entire"],
    "good": ["fine", "decent"], "great": ["considerable"], "make": ["create"],
    "made": ["created"], "give": ["provide"], "gave": ["provided"],
    "think": ["believe"], "thought": ["believed"], "old": ["aged"], "new": ["fresh"],
    "house": ["home"], "man": ["person"], "men": ["people"], "went": ["travelled"],
    "came": ["arrived"], "and": ["&"], "any": ["some"], "all": ["every"],
    "file": ["document"], "files": ["documents"], "program": ["application"],
    "error": ["fault"], "value": ["setting"], "allow": ["permit"], "allows": ["permits"],
    "therefore": ["so", "thus"], "which": ["that"], "whilst": ["while"],
    "upon": ["on"], "among": ["amongst"], "before": ["prior to"], "after": ["following"],
    "whether": ["if"], "perhaps": ["maybe"], "almost": ["nearly"], "enough": ["sufficient"],
}
ADVERBS = ["indeed", "also", "still", "now", "quietly", "certainly", "reportedly", "then",
           "later", "again", "really", "already", "even", "only", "simply"]
CLAUSES = [["(so", "it", "seems)"], ["—", "as", "noted", "—"], ["(reportedly)"],
           ["in", "fact,"], ["of", "course,"], ["(see", "above)"], ["it", "is", "said,"],
           ["for", "the", "record,"], ["as", "before,"]]
OPEN_Q = "\"“‘'([["
CLOSE_Q = "\"”’')]"


def words_of(text):
    return [w for w in WS.split(text) if w]


def core_split(w):
    """(leading punctuation, core, trailing punctuation) of a word."""
    m = re.match(r"^([^\w]*)(.*?)([^\w]*)$", w, re.S)
    return m.group(1), m.group(2), m.group(3)


def ends_sentence(w, nxt):
    if not re.search(r"[.!?][\"'”’)\]]*$", w):
        return False
    if w.lower().strip("\"'”’“‘()[]") in ABBR or re.fullmatch(r"[\"'“‘(]*[A-Z]\.", w):
        return False
    return nxt is None or re.match(r"[\"“‘'(\[]*[A-Z0-9¿¡ÁÉÍÓÚÑ]", nxt) is not None


def sentences(words):
    out, cur = [], []
    for i, w in enumerate(words):
        cur.append(w)
        if ends_sentence(w, words[i + 1] if i + 1 < len(words) else None):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def lcs_len(a, b):
    """Length of a longest common subsequence of two word lists (exact DP)."""
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    j = 0
    while j < len(a) - i and j < len(b) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    a2, b2 = a[i:len(a) - j], b[i:len(b) - j]
    if not a2 or not b2:
        return i + j
    prev = [0] * (len(b2) + 1)
    for x in a2:
        cur = [0]
        for k, y in enumerate(b2):
            cur.append(prev[k] + 1 if x == y else max(prev[k + 1], cur[k]))
        prev = cur
    return i + j + prev[-1]


# ---------------------------------------------------------------- word edits

def with_core(w, core):
    lead, _, trail = core_split(w)
    return lead + core + trail


def keep_case(src, dst):
    if src[:1].isupper():
        return dst[:1].upper() + dst[1:]
    return dst


def op_synonym(ws, rng, ctx):
    idx = [i for i, w in enumerate(ws) if core_split(w)[1].lower() in SYN]
    if not idx:
        return None
    i = rng.choice(idx)
    lead, core, trail = core_split(ws[i])
    rep = keep_case(core, rng.choice(SYN[core.lower()])).split()
    rep[0] = lead + rep[0]
    rep[-1] = rep[-1] + trail
    return ws[:i] + rep + ws[i + 1:], "synonym %s -> %s" % (ws[i], " ".join(rep))


def op_other_word(ws, rng, ctx):
    idx = [i for i, w in enumerate(ws) if len(core_split(w)[1]) >= 4 and core_split(w)[1].isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    core = core_split(ws[i])[1]
    new = keep_case(core, rng.choice(ctx["vocab"]))
    if new == core:
        return None
    return ws[:i] + [with_core(ws[i], new)] + ws[i + 1:], "word %s -> %s" % (ws[i], new)


def op_case(ws, rng, ctx):
    idx = [i for i, w in enumerate(ws[1:], 1) if core_split(w)[1][:1].isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    core = core_split(ws[i])[1]
    if core[:1].isupper():
        new = core.upper() if core[1:].islower() and len(core) <= 5 and rng.random() < 0.5 else core.lower()
    else:
        new = core.capitalize() if rng.random() < 0.7 else core.upper()
    if new == core:
        return None
    return ws[:i] + [with_core(ws[i], new)] + ws[i + 1:], "case %s -> %s" % (ws[i], new)


def op_punct(ws, rng, ctx):
    if len(ws) < 3:
        return None
    i = rng.randrange(0, len(ws) - 1)
    w = ws[i]
    if not w[:-1]:
        return None
    if w.endswith(","):
        new = w[:-1]
    elif w.endswith(";"):
        new = w[:-1] + ","
    elif w[-1:].isalnum():
        new = w + rng.choice([",", ",", ";", ":"])
    else:
        return None
    return ws[:i] + [new] + ws[i + 1:], "punct %s -> %s" % (w, new)


def op_contraction(ws, rng, ctx):
    pairs = [("do", "not", "don't"), ("does", "not", "doesn't"), ("is", "not", "isn't"),
             ("it", "is", "it's"), ("can", "not", "can't"), ("will", "not", "won't"),
             ("did", "not", "didn't"), ("was", "not", "wasn't"), ("are", "not", "aren't")]
    for i in range(len(ws) - 1):
        for a, b, c in pairs:
            if ws[i].lower() == a and ws[i + 1] == b:
                return ws[:i] + [keep_case(ws[i], c)] + ws[i + 2:], "contract %s %s" % (ws[i], b)
    for i, w in enumerate(ws):
        for a, b, c in pairs:
            lead, core, trail = core_split(w)
            if core.lower() == c:
                return ws[:i] + [lead + keep_case(core, a), b + trail] + ws[i + 1:], "expand %s" % w
    return None


def op_number(ws, rng, ctx):
    idx = [i for i, w in enumerate(ws) if re.search(r"\d", w)]
    if not idx:
        return None
    i = rng.choice(idx)
    new = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(1, 9)), ws[i], count=1)
    return ws[:i] + [new] + ws[i + 1:], "number %s -> %s" % (ws[i], new)


def op_drop_word(ws, rng, ctx):
    idx = [i for i in range(1, len(ws) - 1) if core_split(ws[i])[1].isalpha()
           and not re.search(r"[.!?]", ws[i])]
    if len(ws) < 5 or not idx:
        return None
    i = rng.choice(idx)
    return ws[:i] + ws[i + 1:], "drop %s" % ws[i]


def op_drop_clause(ws, rng, ctx):
    cands = []
    for i in range(1, len(ws) - 1):
        if ws[i - 1].endswith(","):
            for j in range(i + 1, min(i + 6, len(ws) - 1)):
                if ws[j].endswith(","):
                    cands.append((i, j))
                    break
    if not cands:
        return None
    i, j = rng.choice(cands)
    return ws[:i] + ws[j + 1:], "drop clause %s" % " ".join(ws[i:j + 1])


def op_add_word(ws, rng, ctx):
    if len(ws) < 3:
        return None
    i = rng.randrange(1, len(ws))
    a = rng.choice(ADVERBS)
    return ws[:i] + [a] + ws[i:], "add %s" % a


def op_add_clause(ws, rng, ctx):
    if len(ws) < 4:
        return None
    i = rng.randrange(1, len(ws))
    c = rng.choice(CLAUSES)
    return ws[:i] + c + ws[i:], "add clause %s" % " ".join(c)


def op_quotes(ws, rng, ctx):
    return restyle_quotes(ws, rng)


def restyle_quotes(ws, rng):
    text = " ".join(ws)
    if "“" in text or "”" in text or "’" in text:
        new = [w.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'") for w in ws]
    elif '"' in text or "'" in text:
        new = []
        for w in ws:
            lead, core, trail = core_split(w)
            lead = lead.replace('"', "“").replace("'", "‘")
            trail = trail.replace('"', "”").replace("'", "’")
            core = core.replace("'", "’")
            new.append(lead + core + trail)
    else:
        return None
    if new == ws:
        return None
    return new, "quotes restyled"


WORD_OPS = [(op_synonym, 3), (op_other_word, 2), (op_case, 1.5), (op_punct, 1.5),
            (op_contraction, 0.5), (op_number, 0.5), (op_drop_word, 2), (op_drop_clause, 1),
            (op_add_word, 2), (op_add_clause, 1), (op_quotes, 0.7)]


def word_edit(ws, rng, ctx, n):
    notes = []
    for _ in range(n):
        for _try in range(12):
            op = rng.choices([o for o, _ in WORD_OPS], [w for _, w in WORD_OPS])[0]
            r = op(ws, rng, ctx)
            if r is not None and r[0] and r[0] != ws:
                ws, note = [w for w in r[0] if w], r[1]
                notes.append(note)
                break
    return ws, notes


# ---------------------------------------------------------- merges and splits

STOP = re.compile(r"^(.*\w)\.([\"'”’)\]]*)$", re.S)
JOINS = [("semicolon", 3), ("comma", 2), ("comma_and", 3), ("and", 1.5), ("dash", 1),
         ("colon", 0.5), ("drop_stop", 2), ("comma_while", 0.5)]


def can_end_join(ws):
    return bool(ws) and STOP.match(ws[-1]) is not None


def lower_opening(ws, rng, always=False):
    w = ws[0]
    lead, core, trail = core_split(w)
    if not core or not core[:1].isupper() or core == "I" or (len(core) > 1 and core.isupper()):
        return ws
    if always or rng.random() < 0.75:
        return [lead + core[:1].lower() + core[1:] + trail] + ws[1:]
    return ws


def join_two(a, b, rng, kind, dash):
    m = STOP.match(a[-1])
    body, close = m.group(1), m.group(2)
    if kind == "semicolon":
        return a[:-1] + [body + ";" + close] + lower_opening(b, rng)
    if kind == "comma":
        return a[:-1] + [body + "," + close] + lower_opening(b, rng)
    if kind == "comma_and":
        return a[:-1] + [body + "," + close, "and"] + lower_opening(b, rng, True)
    if kind == "and":
        return a[:-1] + [body + close, "and"] + lower_opening(b, rng, True)
    if kind == "dash":
        return a[:-1] + [body + close, dash] + lower_opening(b, rng)
    if kind == "colon":
        return a[:-1] + [body + ":" + close] + lower_opening(b, rng)
    if kind == "comma_while":
        return a[:-1] + [body + "," + close, "while"] + lower_opening(b, rng, True)
    # drop_stop: the full stop is lost, the opening mostly kept
    return a[:-1] + [body + close] + (lower_opening(b, rng) if rng.random() < 0.5 else b)


def merge(sents, rng, ctx):
    out = sents[0]
    kinds = []
    for b in sents[1:]:
        kind = rng.choices([k for k, _ in JOINS], [w for _, w in JOINS])[0]
        kinds.append(kind)
        out = join_two(out, b, rng, kind, ctx["dash"])
    return out, kinds


def split_points(ws):
    pts = []
    for i in range(4, len(ws) - 3):
        prev = ws[i - 1]
        if re.search(r"\w[,;:]$", prev) and re.match(r"[A-Za-z]", ws[i]):
            pts.append(i)
    return pts


def split_one(ws, rng):
    pts = split_points(ws)
    if not pts:
        return None
    i = rng.choice(pts)
    a = ws[:i - 1] + [ws[i - 1][:-1] + "."]
    b = ws[i:]
    if b[0].lower() in ("and", "but", "so", "yet", "or", "for", "while") and rng.random() < 0.5:
        b = b[1:]
    lead, core, trail = core_split(b[0])
    b = [lead + core[:1].upper() + core[1:] + trail] + b[1:]
    return [a, b]


# ------------------------------------------------------------------- the slice

def read_paragraphs(path):
    text = open(path, encoding="utf-8", errors="replace").read().replace("\r\n", "\n")
    paras = []
    for p in re.split(r"\n[ \t]*\n", text):
        lines = [l.rstrip() for l in p.split("\n")]
        p = "\n".join(lines).strip("\n")
        if words_of(p):
            paras.append(p)
    return paras


def take_slice(paras, size, rng):
    start = rng.randrange(len(paras))
    out, total, i = [], 0, start
    while total < size:
        p = paras[i % len(paras)]
        out.append(p)
        total += len(p.encode("utf-8")) + 2
        i += 1
    return out


def other_sentences(paths, rng, n):
    """Sentences from other sources to insert: 6-40 words, a capital opening, a full stop."""
    found = []
    for _ in range(200):
        if len(found) >= n:
            break
        path = rng.choice(paths)
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            f.seek(rng.randrange(max(1, size - 200000)))
            chunk = f.read(200000).decode("utf-8", "replace")
        paras = [q for q in re.split(r"\n[ \t]*\n", chunk)[1:-1] if q.strip()]
        rng.shuffle(paras)
        for p in paras[:20]:
            for s in sentences(words_of(p)):
                if 6 <= len(s) <= 40 and re.match(r"[A-Z]", s[0]) and s[-1].endswith(".") \
                        and "\ufffd" not in " ".join(s):
                    found.append(s)
                    break
    return found


# ----------------------------------------------------------------------- wrap

HYPHEN_AT = re.compile(r"(?<=[^\W_])-+(?=[^\W\d_])")


def wrap_para(words, width, rng, hyphens):
    """Greedy wrap; a word that does not fit may break after a hyphen inside it.
    Returns lines, each a list of (piece, word index)."""
    lines, line, ln = [], [], 0
    for wi, w in enumerate(words):
        rest = w
        while True:
            need = len(rest) + (1 if line else 0)
            if ln + need <= width or not line:
                line.append((rest, wi))
                ln += need
                break
            cut = None
            if hyphens and rng.random() < 0.9:
                for m in HYPHEN_AT.finditer(rest):
                    if ln + 1 + m.end() <= width:
                        cut = m.end()
            if cut:
                line.append((rest[:cut], wi))
                rest = rest[cut:]
            lines.append(line)
            line, ln = [], 0
    if line:
        lines.append(line)
    return lines


def render(paras, style, rng, hyphens=True):
    """paras: lists of words. Returns (text, word starts per para, rendered words per para)."""
    eol = "\r\n" if style["crlf"] else "\n"
    parts, pos, starts, shown = [], 0, [], []
    style["hyphen_breaks"] = breaks = []
    for k, words in enumerate(paras):
        if k:
            sep = eol + (" " if style["trailing"] and rng.random() < 0.2 else "") + eol
            parts.append(sep)
            pos += len(sep.encode("utf-8"))
        width = max(20, style["width"] + rng.randint(-style["jitter"], style["jitter"]))
        if style["textwrap"]:
            # Python's textwrap (breaks after hyphens, and before or after '--')
            lines_txt = textwrap.wrap(" ".join(words), width, break_long_words=False)
            text = eol.join(lines_txt)
            parts.append(text)
            st = []
            b = text.encode("utf-8")
            for m in WORD.finditer(b):
                st.append(pos + m.start())
            starts.append(st)
            shown.append(None)
            pos += len(b)
            continue
        lines = wrap_para(words, width, rng, hyphens)
        st = [None] * len(words)
        sh = [[] for _ in words]
        for li, line in enumerate(lines):
            if li:
                parts.append(eol)
                pos += len(eol.encode("utf-8"))
            for pi, (piece, wi) in enumerate(line):
                if pi:
                    parts.append(" ")
                    pos += 1
                if st[wi] is None:
                    st[wi] = pos
                else:
                    breaks.append(pos)
                sh[wi].append(piece)
                parts.append(piece)
                pos += len(piece.encode("utf-8"))
            if style["trailing"] and rng.random() < 0.3:
                t = " " * rng.randint(1, 2)
                parts.append(t)
                pos += len(t)
        starts.append(st)
        shown.append([" ".join(x) for x in sh])
    parts.append(eol)
    return "".join(parts), starts, shown


def wrap_style(rng, textwrap_=False):
    return {"width": rng.randint(40, 100), "jitter": rng.choice([0, 4, 12]),
            "crlf": rng.random() < 0.25, "trailing": rng.random() < 0.2, "textwrap": textwrap_}


# ----------------------------------------------------------------------- main

def old_offsets(paras):
    """old.txt and, per paragraph, the byte start and end of each word."""
    text = "\n\n".join(paras) + "\n"
    b = text.encode("utf-8")
    spans = [(m.start(), m.end()) for m in WORD.finditer(b)]
    out, k = [], 0
    for p in paras:
        n = len(words_of(p))
        out.append(spans[k:k + n])
        k += n
    return text, out


def choose_units(flat, para_first, rng, rate):
    weights = [("words", 30), ("delete", 13), ("insert", 13), ("merge", 22), ("split", 12),
               ("restyle", 4), ("rewrite", 6)]
    units, g, last_end = [], 0, -10
    G = len(flat)
    while g < G:
        # at least one unedited sentence, and five words, between two edits
        if g >= last_end + 1 and rng.random() < rate and \
                (last_end < 0 or sum(len(flat_words(x)) for x in flat[last_end:g]) >= 5):
            kind = rng.choices([k for k, _ in weights], [w for _, w in weights])[0]
            n = 1
            if kind == "merge":
                n = rng.choices([2, 3, 4], [5, 3, 2])[0]
                span = flat[g:g + n]
                cross = len({pi for pi, _ in span}) > 1
                if len(span) < n or (cross and (rng.random() < 0.7 or len({pi for pi, _ in span}) > 2)) \
                        or not all(can_end_join(flat_words(x)) for x in span[:-1]) \
                        or not all(re.match(r"[\"“‘'(]*[A-Za-z]", flat_words(x)[0]) for x in span[1:]):
                    kind, n = "words", 1
            elif kind == "delete":
                n = 2 if rng.random() < 0.2 and g + 1 < G and flat[g + 1][0] == flat[g][0] else 1
            elif kind == "restyle":
                pi = flat[g][0]
                text = " ".join(" ".join(flat_words(x)) for x in flat if x[0] == pi) if para_first[pi] == g else ""
                if para_first[pi] != g or not re.search("[\"'“”’]", text):
                    kind = "words"
                else:
                    n = sum(1 for x in flat if x[0] == pi)
            units.append((kind, g, n))
            last_end = g + n
            g += n
            continue
        g += 1
    return units


_FLAT_WORDS = {}


def flat_words(x):
    return _FLAT_WORDS[x]


def generate(args):
    rng = random.Random(args.seed * 1000003 + sum(map(ord, os.path.basename(args.source))))
    src = read_paragraphs(args.source)
    old_paras = take_slice(src, args.size, rng)
    old_text, old_spans = old_offsets(old_paras)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "old.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(old_text)
    para_words = [words_of(p) for p in old_paras]
    style = wrap_style(rng, args.textwrap)
    if args.jitter is not None:
        style["jitter"] = args.jitter

    if args.reflow_only or args.textwrap:
        paras = [list(w) for w in para_words]
        if not args.textwrap and rng.random() < 0.5:
            paras = reparagraph(paras, rng, 0.03, 0.03)
        text, _, _ = render(paras, style, rng)
        with open(os.path.join(args.out, "new.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        truth = {"words_deleted": 0, "words_inserted": 0, "moved_paragraphs": [],
                 "style": style, "log": []}
        json.dump(truth, open(os.path.join(args.out, "truth.json"), "w"), indent=1, ensure_ascii=False)
        return truth

    # sentences, flat
    flat, para_first, sent_spans = [], {}, {}
    for pi, ws in enumerate(para_words):
        k = 0
        for si, s in enumerate(sentences(ws)):
            key = (pi, si)
            _FLAT_WORDS[key] = s
            sent_spans[key] = (old_spans[pi][k][0], old_spans[pi][k + len(s) - 1][1])
            k += len(s)
            if si == 0:
                para_first[pi] = len(flat)
            flat.append(key)
    vocab = sorted({w.lower() for ws in para_words for w in ws if w.isalpha() and len(w) >= 4})
    ascii_text = all(ord(c) < 128 for c in old_text[:5000])
    ctx = {"vocab": vocab or ["thing"], "dash": "--" if ascii_text else "—"}
    key_pos = {k: i for i, k in enumerate(flat)}
    units = choose_units(flat, para_first, rng, args.rate)
    n_ins = sum(1 for u in units if u[0] == "insert")
    others = [os.path.join(os.path.dirname(args.source), f) for f in sorted(os.listdir(os.path.dirname(args.source)))
              if f.endswith(".txt") and f != os.path.basename(args.source)] if not args.insert_from else args.insert_from
    pool = other_sentences(others, rng, n_ins) if others else []

    # new paragraphs: each a list of sentences, a sentence a list of (word, unit id)
    new_paras = []  # {"old": [pi], "sents": [[(w, uid)]], "movable": bool}
    log = []
    unit_at = {g: (kind, n) for kind, g, n in units}
    touched = {" ".join(flat_words(k)) for kind, g, n in units for k in flat[g:g + n]}
    g, G = 0, len(flat)
    joined = set()
    while g < G:
        pi = flat[g][0]
        if para_first[pi] == g and pi not in joined:
            new_paras.append({"old": [pi], "sents": [], "movable": True})
        cur = new_paras[-1]
        if g not in unit_at:
            cur["sents"].append([(w, None) for w in flat_words(flat[g])])
            g += 1
            continue
        kind, n = unit_at[g]
        uid = len(log)
        old_keys = flat[g:g + n]
        old_ws = [flat_words(k) for k in old_keys]
        notes = []
        new_sents = []
        new_para_after = None
        if kind in ("words", "rewrite"):
            ws, notes = word_edit(old_ws[0], rng, ctx, rng.choice([1, 1, 2, 3]) if kind == "words" else rng.randint(3, 5))
            new_sents = [ws]
        elif kind == "delete":
            new_sents = []
            notes = ["deleted %d sentence(s)" % n]
        elif kind == "insert":
            s = pool.pop() if pool and rng.random() < 0.7 else None
            if s is None:  # a sentence from a far part of this text
                # not one that some edit touches anywhere (a deleted copy and an
                # inserted one would read, more cheaply, as a move)
                for _try in range(20):
                    far = flat[(g + G // 2 + rng.randrange(max(1, G // 4))) % G]
                    s = flat_words(far)
                    if " ".join(s) not in touched:
                        break
                notes = ["inserted a sentence from elsewhere in this text"]
            else:
                notes = ["inserted a sentence from another source"]
            last_in_para = g + 1 >= G or flat[g + 1][0] != pi
            if last_in_para and rng.random() < 0.3:
                new_sents = [old_ws[0]]
                new_para_after = [s]
                notes.append("as a new paragraph")
            elif rng.random() < 0.5:
                new_sents = [old_ws[0], s]
            else:
                new_sents = [s, old_ws[0]]
        elif kind == "merge":
            ws, kinds = merge(old_ws, rng, ctx)
            notes = ["merged %d: %s" % (n, ", ".join(kinds))]
            if rng.random() < 0.4:
                ws2, more = word_edit(ws, rng, ctx, 1)
                ws = ws2
                notes += more
            new_sents = [ws]
        elif kind == "split":
            parts = split_one(old_ws[0], rng)
            if parts is None:
                ws, notes = word_edit(old_ws[0], rng, ctx, 1)
                new_sents = [ws]
                kind = "words"
            else:
                if rng.random() < 0.3:
                    again = split_one(parts[-1], rng)
                    if again:
                        parts = parts[:-1] + again
                new_sents = parts
                notes = ["split in %d" % len(parts)]
        elif kind == "restyle":
            new_sents = []
            for ws in old_ws:
                r = restyle_quotes(ws, rng)
                new_sents.append(r[0] if r else ws)
            notes = ["quotation marks restyled in the paragraph"]
        # paragraphs this unit reaches into are joined to the current one
        for k in old_keys[1:]:
            if para_first[k[0]] == key_pos[k] and k[0] not in joined:
                joined.add(k[0])
                cur["old"].append(k[0])
                notes.append("paragraphs joined by the merge")
        for s in new_sents:
            cur["sents"].append([(w, uid) for w in s])
        if new_para_after:
            new_paras.append({"old": [], "sents": [[(w, uid) for w in s] for s in new_para_after],
                              "movable": False})
        old_flat = [w for ws in old_ws for w in ws]
        new_flat = [w for s in new_sents + (new_para_after or []) for w in s]
        common = lcs_len(old_flat, new_flat)
        log.append({"id": uid, "kind": kind, "notes": notes,
                    "old": " ".join(old_flat), "new": " ".join(new_flat),
                    "deleted": len(old_flat) - common, "inserted": len(new_flat) - common,
                    "old_span": [sent_spans[old_keys[0]][0], sent_spans[old_keys[-1]][1]]})
        g += n
    for p in new_paras:
        if len(p["old"]) != 1:
            p["movable"] = False
    new_paras = [p for p in new_paras if p["sents"]]

    # unmoved copy for the wdiff check
    unmoved = [[w for s in p["sents"] for w, _ in s] for p in new_paras]
    t_unmoved, _, _ = render(unmoved, dict(style, crlf=False, trailing=False, textwrap=False), random.Random(1), hyphens=False)
    with open(os.path.join(args.out, "new-unmoved.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(t_unmoved)

    # paragraph joins and splits (no word changes)
    out_paras = []
    for p in new_paras:
        if len(p["sents"]) >= 3 and rng.random() < 0.03:
            k = rng.randrange(1, len(p["sents"]))
            out_paras.append({"old": p["old"], "sents": p["sents"][:k], "movable": False})
            out_paras.append({"old": [], "sents": p["sents"][k:], "movable": False})
        elif out_paras and out_paras[-1]["old"] and p["old"] and rng.random() < 0.03 \
                and out_paras[-1]["old"][-1] + 1 == p["old"][0]:
            out_paras[-1] = {"old": out_paras[-1]["old"] + p["old"],
                             "sents": out_paras[-1]["sents"] + p["sents"], "movable": False}
        else:
            out_paras.append(p)
    new_paras = out_paras

    # moves
    if not args.no_moves:
        n_moves = max(2, min(60, round(3 * (args.size / 40000) ** 0.5)))
        for _ in range(n_moves):
            for _try in range(50):
                blk = rng.choices([1, 2, 3], [6, 2.5, 1.5])[0]
                i = rng.randrange(len(new_paras) - blk + 1)
                block = new_paras[i:i + blk]
                if not all(p["movable"] and not p.get("moved") and not p.get("pinned") and
                           sum(len(s) for s in p["sents"]) >= 10 for p in block):
                    continue
                rest = new_paras[:i] + new_paras[i + blk:]
                if len(rest) < 4:
                    break
                if rng.random() < 0.5:
                    j = rng.randrange(len(rest) + 1)
                else:
                    j = i + rng.choice([-1, 1]) * rng.randint(2, 6)
                j = max(0, min(len(rest), j))
                # the paragraphs passed over hold at least twice the block's
                # words, so moving the block is the one cheapest reading
                passed = rest[i:j] if j > i else rest[j:i]
                size = lambda ps: sum(len(s) for p in ps if p["old"] and not p.get("moved") for s in p["sents"])
                if abs(j - i) < 2 or size(passed) < 2 * size(block):
                    continue
                for p in block:
                    p["moved"] = True
                if len(passed) <= 12:  # a later move must not thin out what a short one passed
                    for p in passed:
                        p["pinned"] = True
                new_paras = rest[:j] + block + rest[j:]
                break

    # render new.txt and the truth
    words = [[w for s in p["sents"] for w, _ in s] for p in new_paras]
    text, starts, shown = render(words, style, rng)
    with open(os.path.join(args.out, "new.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    moved, moved_spans = [], []
    for pk, p in enumerate(new_paras):
        k = 0
        for s in p["sents"]:
            for j, (w, uid) in enumerate(s):
                if uid is not None:
                    e = starts[pk][k + j] + len(shown[pk][k + j].encode("utf-8"))
                    span = log[uid].setdefault("new_span", [starts[pk][k + j], e])
                    span[0], span[1] = min(span[0], starts[pk][k + j]), max(span[1], e)
                    if p.get("moved"):
                        log[uid]["moved"] = True
            k += len(s)
        if p.get("moved"):
            last = len(starts[pk]) - 1
            moved_spans.append({"old": [old_spans[p["old"][0]][0][0], old_spans[p["old"][0]][-1][1]],
                                "new": [starts[pk][0], starts[pk][last] + len(shown[pk][last].encode("utf-8"))]})
            sents, k = [], 0
            for s in p["sents"]:
                sents.append(" ".join(shown[pk][k:k + len(s)]))
                k += len(s)
            moved.append(sents)
    truth = {"hyphen_breaks": style.pop("hyphen_breaks"),
             "words_deleted": sum(u["deleted"] for u in log),
             "words_inserted": sum(u["inserted"] for u in log),
             "moved_paragraphs": moved, "moved_spans": moved_spans, "style": style, "log": log}
    json.dump(truth, open(os.path.join(args.out, "truth.json"), "w"), indent=1, ensure_ascii=False)
    return truth


def reparagraph(paras, rng, p_join, p_split):
    """Paragraphs joined and split at sentence ends (no word changes)."""
    out = []
    for ws in paras:
        ss = sentences(ws)
        if len(ss) >= 3 and rng.random() < p_split:
            k = rng.randrange(1, len(ss))
            out.append([w for s in ss[:k] for w in s])
            out.append([w for s in ss[k:] for w in s])
        elif out and rng.random() < p_join:
            out[-1] = out[-1] + ws
        else:
            out.append(ws)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=40000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate", type=float, default=0.03, help="chance a sentence starts an edit")
    ap.add_argument("--reflow-only", action="store_true")
    ap.add_argument("--textwrap", action="store_true")
    ap.add_argument("--no-moves", action="store_true")
    ap.add_argument("--jitter", type=int, help="columns a paragraph's width may differ from the pair's (default: 0, 4 or 12)")
    ap.add_argument("--insert-from", nargs="*")
    args = ap.parse_args()
    t = generate(args)
    print("%s: deleted %d inserted %d moved %d units %d" % (
        args.out, t["words_deleted"], t["words_inserted"], len(t["moved_paragraphs"]), len(t["log"])))


if __name__ == "__main__":
    main()
