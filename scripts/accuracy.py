#!/usr/bin/env python3
"""Runs storydiff on generated pairs and compares its counts with the truth.

    accuracy.py STORYDIFF PAIR_DIR...

Each PAIR_DIR holds old.txt, new.txt and truth.json (from the gen_pair example
or scripts/gen_pair.py). Prints one Markdown row per pair: words deleted and
inserted against the truth (and the error), moved paragraphs found, relation,
exit code.
"""
import json
import subprocess
import sys


def norm(s):
    return " ".join(s.split())


def main():
    binary, dirs = sys.argv[1], sys.argv[2:]
    print("| pair | deleted (truth) | inserted (truth) | error | moved found | relation | exit |")
    print("|---|---|---|---|---|---|---|")
    for d in dirs:
        truth = json.load(open(f"{d}/truth.json", encoding="utf-8"))
        run = subprocess.run(
            [binary, "diff", f"{d}/old.txt", f"{d}/new.txt", "--format", "json"],
            capture_output=True,
        )
        out = json.loads(run.stdout)
        s = out["stats"]
        text = out["new"]["text"].encode("utf-8")
        sent = {x["id"]: text[x["start"]:x["end"]].decode("utf-8")
                for b in out["new"]["blocks"] for x in b["sentences"]}
        moved = [norm(" ".join(sent[i] for i in op["new"])) for op in out["ops"] if op["op"] == "moved"]
        if "moved_paragraphs" in truth:
            # A moved paragraph is found when at least half of its
            # sentences stand in moved ops (by their opening words: a
            # sentence of it may be edited, its first one may be an inserted
            # sentence, and a paragraph may move as one op or a sentence an op).
            wanted = [[norm(s) for s in p] for p in truth["moved_paragraphs"]]
            all_moved = " | ".join(moved)
            found = sum(1 for p in wanted if 2 * sum(1 for s in p if s[:40] in all_moved) >= len(p))
        else:
            wanted = [norm(m) for m in truth["moved"]]
            found = sum(1 for m in wanted if any(x.startswith(m[:60]) or m.startswith(x[:60]) for x in moved))
        td, ti = truth["words_deleted"], truth["words_inserted"]
        err = "%+.1f%% / %+.1f%%" % (100 * (s["words_deleted"] - td) / max(td, 1),
                                     100 * (s["words_inserted"] - ti) / max(ti, 1))
        print(f"| {d} | {s['words_deleted']} ({td}) | {s['words_inserted']} ({ti}) | {err} "
              f"| {found}/{len(wanted)} | {out['relation']}{' approx' if out['approximate'] else ''} | {run.returncode} |")


if __name__ == "__main__":
    main()
