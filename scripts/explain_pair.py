#!/usr/bin/env python3
"""Where storydiff's counts on a gen_pair_blind.py pair differ from its edit log.

    explain_pair.py STORYDIFF PAIR_DIR [--summary] [--all]

Runs `STORYDIFF diff old.txt new.txt --format json` and counts each op the wdiff
way (the whitespace words of its old and new sentences outside a longest common
subsequence; a word new.txt cuts after a hyphen counts once). Ops and the log's
edits that overlap (byte spans, either side) form groups; every group whose counts
differ from the log is printed with the edits, the ops and their word diffs.

--summary prints one line per pair instead: the groups that differ, by the kinds
of edit in them ("no-edit" when none), "as del+ins" when the engine has only
deleted and inserted ops there (with the sentence length when it is short),
"(moved)" inside a moved paragraph and "[line-blocks]" when the loader cut a
blank-line paragraph of new.txt into blocks there. It also prints the moved
paragraphs found by accuracy.py's test and by coverage (at least half of the
paragraph's bytes in new.txt inside `moved` ops).
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_pair_blind import lcs_len, words_of  # noqa: E402

WORD = re.compile(rb"[^ \t\n\r\f\v]+")


def norm(s):
    return " ".join(s.split())


def overlap(a, b):
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def engine_ops(out, breaks):
    texts = {side: out[side]["text"].encode("utf-8") for side in ("old", "new")}
    spans = {s["id"]: (s["start"], s["end"])
             for side in ("old", "new") for b in out[side]["blocks"] for s in b["sentences"]}
    ops = []
    for k, op in enumerate(out["ops"]):
        ow = [w for i in op["old"] for w in words_of(texts["old"][spans[i][0]:spans[i][1]].decode())]
        nw = []
        for i in op["new"]:
            for m in WORD.finditer(texts["new"][spans[i][0]:spans[i][1]]):
                w = m.group(0).decode("utf-8", "replace")
                if spans[i][0] + m.start() in breaks and nw:
                    nw[-1] += w
                else:
                    nw.append(w)
        common = lcs_len(ow, nw)
        dl, ins = len(ow) - common, len(nw) - common
        if op["op"] == "equal" or (dl == 0 and ins == 0 and op["op"] == "moved"):
            continue
        os_ = [spans[i] for i in op["old"]]
        ns_ = [spans[i] for i in op["new"]]
        ops.append({"k": k, "op": op, "del": dl, "ins": ins,
                    "old": (min(s[0] for s in os_), max(s[1] for s in os_)) if os_ else None,
                    "new": (min(s[0] for s in ns_), max(s[1] for s in ns_)) if ns_ else None,
                    "otext": " ".join(ow), "ntext": " ".join(nw)})
    return ops, texts, spans


def groups_of(units, ops):
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for u in units:
        find(("U", u["id"]))
    for o in ops:
        find(("O", o["k"]))
        for u in units:
            if overlap(o["old"], u.get("old_span")) or overlap(o["new"], u.get("new_span")):
                parent[find(("O", o["k"]))] = find(("U", u["id"]))
    groups = {}
    for u in units:
        groups.setdefault(find(("U", u["id"])), ([], []))[0].append(u)
    for o in ops:
        groups.setdefault(find(("O", o["k"])), ([], []))[1].append(o)
    return list(groups.values())


def line_block_starts(out, raw):
    """Blocks the loader began inside a blank-line paragraph of new.txt."""
    cuts = []
    for b in out["new"]["blocks"]:
        st = b["start"]
        before = raw[max(0, st - 6):st]
        if st > 0 and b"\n" in before and not re.search(rb"\n[ \t]*\r?\n[ \t]*$", before):
            cuts.append(st)
    return cuts


def label(us, os_, cuts):
    kinds = "+".join(sorted({u["kind"] for u in us})) or "no-edit"
    if any(o["op"]["op"] == "moved" for o in os_) or any(u.get("moved") for u in us):
        kinds += " (moved)"
    if all(o["op"]["op"] in ("deleted", "inserted") for o in os_):
        kinds += " as del+ins"
        shortest = min((len(u["old"].split()) for u in us), default=99)
        if shortest <= 6:
            kinds += " (%d-word sentence)" % shortest
    ends = [o["new"] for o in os_ if o["new"]] + [u["new_span"] for u in us if u.get("new_span")]
    if ends and any(min(e[0] for e in ends) < c <= max(e[1] for e in ends) + 1 for c in cuts):
        kinds += " [line-blocks]"
    return kinds


def moved_found(truth, out, texts, spans):
    tn = texts["new"]
    moved_txt = " | ".join(norm(" ".join(tn[spans[i][0]:spans[i][1]].decode() for i in op["new"]))
                           for op in out["ops"] if op["op"] == "moved")
    official = covered = 0
    for sents, sp in zip(truth["moved_paragraphs"], truth.get("moved_spans", [])):
        official += 2 * sum(1 for s in sents if norm(s)[:40] in moved_txt) >= len(sents)
        inside = sum(max(0, min(spans[i][1], sp["new"][1]) - max(spans[i][0], sp["new"][0]))
                     for op in out["ops"] if op["op"] == "moved" for i in op["new"])
        covered += 2 * inside >= sp["new"][1] - sp["new"][0]
    return official, covered, len(truth["moved_paragraphs"])


def main():
    binary, d = sys.argv[1], sys.argv[2]
    truth = json.load(open(os.path.join(d, "truth.json"), encoding="utf-8"))
    run = subprocess.run([binary, "diff", os.path.join(d, "old.txt"), os.path.join(d, "new.txt"),
                          "--format", "json"], capture_output=True)
    out = json.loads(run.stdout)
    ops, texts, spans = engine_ops(out, set(truth.get("hyphen_breaks", [])))
    groups = groups_of(truth["log"], ops)
    cuts = line_block_starts(out, texts["new"])
    s = out["stats"]
    head = (f"{os.path.basename(os.path.normpath(d))}: engine {s['words_deleted']}/{s['words_inserted']}"
            f" truth {truth['words_deleted']}/{truth['words_inserted']}")
    if "--summary" in sys.argv:
        summ = Counter()
        for us, os_ in groups:
            td, ti = sum(u["deleted"] for u in us), sum(u["inserted"] for u in us)
            ed, ei = sum(o["del"] for o in os_), sum(o["ins"] for o in os_)
            if (td, ti) != (ed, ei):
                key = label(us, os_, cuts)
                summ[(key, "n")] += 1
                summ[(key, "d")] += ed - td
                summ[(key, "i")] += ei - ti
        off, cov, n = moved_found(truth, out, texts, spans)
        print(f"{head}; moved found {off}/{n} (by coverage {cov}/{n}); "
              + "; ".join(f"{k}: {summ[(k, 'n')]}x {summ[(k, 'd')]:+d}/{summ[(k, 'i')]:+d}"
                          for k in sorted({k for k, _ in summ})))
        return
    print(f"# {head}, ops counted the wdiff way "
          f"{sum(o['del'] for o in ops)}/{sum(o['ins'] for o in ops)}")
    for us, os_ in groups:
        td, ti = sum(u["deleted"] for u in us), sum(u["inserted"] for u in us)
        ed, ei = sum(o["del"] for o in os_), sum(o["ins"] for o in os_)
        if (td, ti) == (ed, ei) and "--all" not in sys.argv:
            continue
        print(f"\n## {label(us, os_, cuts)}: truth {td}/{ti}, engine {ed}/{ei} ({ed - td:+d}/{ei - ti:+d})")
        for u in us:
            print(f"  edit {u['id']} {u['kind']} {u['notes']} {u['deleted']}/{u['inserted']}")
            print(f"    - {u['old'][:400]}")
            print(f"    + {u['new'][:400]}")
        for o in os_:
            op = o["op"]
            print(f"  op {op['op']} {op['old']} -> {op['new']} {o['del']}/{o['ins']}")
            print(f"    - {o['otext'][:400]}")
            print(f"    + {o['ntext'][:400]}")
            if op.get("words"):
                marks = {"deleted": "[-%s-]", "inserted": "{+%s+}"}
                print("    w " + " ".join(marks.get(w["op"], "%s") % w["text"] for w in op["words"])[:500])


if __name__ == "__main__":
    main()
