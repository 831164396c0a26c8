#!/usr/bin/env python3
"""Turns the public-domain texts that scripts/fetch-corpus.sh unpacks from Debian
packages into plain text: paragraphs of prose separated by blank lines, one
paragraph per line.

    corpus_text.py kjv BIBLE_DUMP      # output of `bible -f "Gen1:1-Rev22:21"`
    corpus_text.py jargon JARGON_DICT   # the Jargon File, dictd format (unzipped)
    corpus_text.py sqlite HTML_DIR      # SQLite's documentation pages
"""
import html.parser
import os
import re
import sys


def kjv(path):
    """Verses grouped into paragraphs within a chapter: a paragraph ends after
    five or more verses, at a verse that ends a sentence (many end in ':')."""
    out, para, chapter = [], [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"^(\S+?\d+):\d+ (.*)$", line.strip())
        if not m:
            continue
        full = para and para[-1][-1:] in ".?!"
        if m.group(1) != chapter or (len(para) >= 5 and full):
            if para:
                out.append(" ".join(para))
            para, chapter = [], m.group(1)
        para.append(m.group(2).strip())
    if para:
        out.append(" ".join(para))
    return out


def jargon(path):
    """The indented paragraphs of each entry (headwords and pronunciations skipped)."""
    out, para = [], []
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.startswith("    ") and line.strip():
            para.append(line.strip())
            continue
        if para:
            text = " ".join(para)
            # Prose only: enough words, ending like a sentence.
            if len(text.split()) >= 8 and text.rstrip()[-1:] in ".?!”\"":
                # Numbered senses ("1. Gratuitous ...") lose their numbers.
                out.append(re.sub(r"^\d+\.\s+", "", re.sub(r"[{}]", "", text)))
            para = []
    return out


class Paragraphs(html.parser.HTMLParser):
    """Text of <p> elements (code and tables left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.skip, self.buf, self.out = 0, 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
        elif tag in ("pre", "code", "table", "script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            text = " ".join("".join(self.buf).split())
            self.buf = []
            if len(text.split()) >= 8 and text[-1:] in ".?!":
                self.out.append(text)
        elif tag in ("pre", "code", "table", "script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.buf.append(data)


def sqlite(root):
    out = []
    for name in sorted(os.listdir(root)):
        if name.endswith(".html"):
            p = Paragraphs()
            p.feed(open(os.path.join(root, name), encoding="utf-8", errors="replace").read())
            out.extend(p.out)
    return out


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    paras = {"kjv": kjv, "jargon": jargon, "sqlite": sqlite}[kind](path)
    sys.stdout.write("\n\n".join(paras) + "\n")
