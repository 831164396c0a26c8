#!/usr/bin/env python3
"""Turns the public-domain texts that scripts/fetch-corpus.sh unpacks from Debian
packages into plain text: paragraphs of prose separated by blank lines, one
paragraph per line.

    corpus_text.py kjv BIBLE_DUMP      # output of `bible -f "Gen1:1-Rev22:21"`
    corpus_text.py jargon JARGON_DICT   # the Jargon File, dictd format (unzipped)
    corpus_text.py sqlite HTML_DIR      # SQLite's documentation pages
    corpus_text.py gcide GCIDE_DICT     # GCIDE, dictd format (unzipped)
    corpus_text.py devil DEVIL_DICT     # The Devil's Dictionary, dictd format (unzipped)
    corpus_text.py web SWORD_MODULE_DIR # World English Bible, a SWORD zText module
    corpus_text.py gnu TEXT_FILE...     # GNU coding standards, Info-style plain text
    corpus_text.py licenses TXT_DIR     # licence texts with YAML front matter
    corpus_text.py austen RDATA_RDB     # Jane Austen's novels, an R lazy-load database
    corpus_text.py sparv SWORD_MODULE_DIR  # Reina-Valera 1909 (Spanish), a SWORD zText module
    corpus_text.py policy HTML_DIR      # the Debian Policy Manual's pages
    corpus_text.py poems FORTUNE_FILE   # verse from a fortune(6) file
"""
import html
import html.parser
import os
import re
import struct
import sys
import zlib


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


def prose(text):
    """A paragraph worth keeping: enough words, ending like a sentence."""
    return len(text.split()) >= 8 and text.rstrip()[-1:] in ".?!”\"'"


def joined(lines):
    """Lines of one paragraph joined; a word broken after its hyphen at a line
    end (`cannon-` / `shot`) is joined again."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if re.search(r"[A-Za-z]-$", out) and line[:1].islower():
            out += line
        else:
            out += (" " if out else "") + line
    return out


def blocks(path):
    """Blank-line separated blocks of lines."""
    block = []
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.strip():
            block.append(line.rstrip("\n"))
        elif block:
            yield block
            block = []
    if block:
        yield block


# A line that only names the source of a GCIDE definition ("[1913 Webster]").
SOURCE_LINE = re.compile(r"^\s*\[[^\]]*(Webster|WordNet|PJC|Century|Chambers)[^\]]*\]\s*$")


def gcide(path):
    """The definitions of each entry (the headword line skipped), one paragraph
    each: indented lines up to a source line ("[1913 Webster]") or a blank
    line; cross-reference braces taken out, dashes and citations kept."""
    out, para = [], []

    def end():
        text = re.sub(r"[{}]", "", joined(para))
        if prose(text):
            out.append(text)
        para.clear()

    for line in open(path, encoding="utf-8", errors="replace"):
        if not line.strip() or SOURCE_LINE.match(line):
            end()
        elif line.startswith("   "):
            para.append(line)
        else:
            end()  # a headword line
    end()
    return out


def devil(path):
    """The entries and their prose quotations (verse kept as it is joined:
    it rarely ends like a sentence); attributions, set far right, dropped."""
    out = []
    for block in blocks(path):
        lines = [l for l in block if not re.match(r"^\s{20,}\S", l)]
        text = joined(lines)
        if prose(text) and "00-database" not in text:
            out.append(text)
    return out


def web(module):
    """The World English Bible from its SWORD zText module (OSIS markup): the
    module's own paragraphs (`x-p` divisions), notes and titles left out."""
    chunks = []
    for testament in ("ot", "nt"):
        base = os.path.join(module, testament)
        index = open(base + ".bzs", "rb").read()
        verses = open(base + ".bzv", "rb").read()
        data = open(base + ".bzz", "rb").read()
        cache = {}
        for i in range(0, len(verses) - 9, 10):
            block, start, size = struct.unpack_from("<IIH", verses, i)
            if not size:
                continue
            if block not in cache:
                cache.clear()
                offset, length, _ = struct.unpack_from("<III", index, block * 12)
                cache[block] = zlib.decompress(data[offset:offset + length])
            chunks.append(cache[block][start:start + size].decode("utf-8", "replace"))
    osis = " ".join(chunks)
    osis = re.sub(r"<note\b.*?</note>|<title\b.*?</title>", " ", osis, flags=re.S)
    osis = re.sub(r'<div\b[^>]*type="x-p"[^>]*>|<chapter\b[^>]*>', "\n\n", osis)
    text = html.unescape(re.sub(r"<[^>]*>", "", osis))
    out = []
    for para in text.split("\n\n"):
        para = " ".join(para.split())
        if prose(para):
            out.append(para)
    return out


def gnu(*paths):
    """Info-style plain text: a paragraph opens after a blank line or with a
    three-space indent; examples (indented five or more), menus, headings
    and their underlines are left out."""
    out = []

    def end(para):
        text = joined(para)
        if prose(text):
            out.append(text)

    for path in paths:
        for block in blocks(path):
            para = []
            for line in block:
                if re.match(r"^\s{5,}\S", line) or re.match(r"^[*=-]{3,}\s*$", line) or line.startswith("* "):
                    end(para)
                    para = []
                    continue
                if line.startswith("   ") and para:
                    end(para)
                    para = []
                para.append(line)
            end(para)
    return out


def licenses(root):
    """Licence texts after their YAML front matter, paragraphs joined, section
    numbers and clause letters kept: legal prose with recurring clauses."""
    out = []
    for name in sorted(os.listdir(root)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(root, name)
        text = open(path, encoding="utf-8", errors="replace").read()
        parts = text.split("\n---\n", 1)
        body = parts[1] if text.startswith("---") and len(parts) == 2 else text
        for para in re.split(r"\n\s*\n", body):
            para = joined(para.splitlines())
            if prose(para):
                out.append(para)
    return out


def austen(path):
    """Jane Austen's six novels from janeaustenr's R data: each object is a
    character vector of the book's lines (R's XDR serialisation, zlib
    compressed, one after the other); paragraphs are blank-line separated."""
    data = open(path, "rb").read()
    out, at = [], 0
    while at < len(data):
        unzip = zlib.decompressobj()
        raw = unzip.decompress(data[at + 4:])
        at = len(data) - len(unzip.unused_data)
        # After the header and its native encoding: a STRSXP and its length,
        # then each CHARSXP as flags, length (-1 for NA) and bytes.
        p = raw.index(b"UTF-8") + 5
        _, n = struct.unpack_from(">II", raw, p)
        p += 8
        lines = []
        for _ in range(n):
            _, k = struct.unpack_from(">Ii", raw, p)
            k = max(k, 0)
            lines.append(raw[p + 8:p + 8 + k].decode("utf-8", "replace"))
            p += 8 + k
        para = []
        for line in lines + [""]:
            if line.strip():
                para.append(line.strip())
            elif para:
                text = " ".join(para)
                para = []
                if prose(text):
                    out.append(text)
    return out


def poems(path):
    """Each fortune of a fortune(6) file (`%` lines between them) as one
    paragraph of verse, its lines joined; attributions (`-- Ogden Nash`, or
    set far right) dropped."""
    out = []
    text = open(path, encoding="utf-8", errors="replace").read()
    for fortune in text.split("\n%\n"):
        lines = [l.strip() for l in fortune.splitlines()
                 if l.strip() and not re.match(r"^\s*--\s", l) and not re.match(r"^\s{8,}\S", l)]
        para = " ".join(lines)
        if len(para.split()) >= 8:
            out.append(para)
    return out


if __name__ == "__main__":
    kind, paths = sys.argv[1], sys.argv[2:]
    paras = {"kjv": kjv, "jargon": jargon, "sqlite": sqlite, "gcide": gcide, "devil": devil,
             "web": web, "gnu": gnu, "licenses": licenses, "austen": austen, "sparv": web,
             "policy": sqlite, "poems": poems}[kind](*paths)
    sys.stdout.write("\n\n".join(paras) + "\n")
