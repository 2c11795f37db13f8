#!/usr/bin/env python3
"""Strict checker for RoPA Desk's generated privacy-notice HTML.

Usage: check_html.py FILE. Parses the file with Python's html.parser and fails (exit 1, the
problems on stderr) unless:
- every non-void element is closed, in order (well-formed nesting);
- there is no element that runs code, styles or loads anything: script, style, link, iframe,
  frame, object, embed, img, picture, source, video, audio, svg, math, base, form, input,
  button, template, noscript, meta with http-equiv or content other than the viewport;
- no attribute is an event handler (on*), style, src, srcset, action, formaction, background,
  poster, data, ping, or xlink:href;
- the only URLs are href attributes of <a>, and each is https:, mailto: or a #fragment;
- no text contains a stray "<" or a raw "{placeholder}".
On success it prints the document's text content (whitespace collapsed) on stdout, so that a
test can check that the facts survived rendering.
"""

import html
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
FORBIDDEN_TAGS = {"script", "style", "link", "iframe", "frame", "frameset", "object", "embed",
                  "img", "picture", "source", "video", "audio", "svg", "math", "base", "form",
                  "input", "button", "template", "noscript", "applet", "canvas", "portal"}
FORBIDDEN_ATTRS = {"style", "src", "srcset", "action", "formaction", "background", "poster",
                   "data", "ping", "xlink:href", "codebase", "manifest"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack = []
        self.problems = []
        self.text = []
        self.saw_doctype = False

    def problem(self, message):
        line, col = self.getpos()
        self.problems.append(f"line {line}, column {col}: {message}")

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.saw_doctype = True
        else:
            self.problem(f"unexpected declaration <!{decl}>")

    def handle_starttag(self, tag, attrs):
        self.check_tag(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_tag(tag, attrs)
        if tag not in VOID:
            self.problem(f"self-closing non-void element <{tag}/>")

    def check_tag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problem(f"forbidden element <{tag}>")
        if tag == "meta":
            names = {k for k, _ in attrs}
            if "http-equiv" in names:
                self.problem("forbidden <meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problem(f"event-handler attribute {name} on <{tag}>")
            if name in FORBIDDEN_ATTRS:
                self.problem(f"forbidden attribute {name} on <{tag}>")
            if name == "href":
                if tag != "a":
                    self.problem(f"href on <{tag}>")
                v = (value or "").strip().lower()
                if not (v.startswith("https://") or v.startswith("mailto:") or v.startswith("#")):
                    self.problem(f"href {value!r} is not https:, mailto: or a fragment")
            elif value and re.search(r"(?i)\b(?:https?|javascript|data|file|ftp):", value):
                self.problem(f"URL in attribute {name}={value!r} on <{tag}>")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problem(f"end tag for void element </{tag}>")
            return
        if not self.stack:
            self.problem(f"</{tag}> without an open element")
            return
        if self.stack[-1] != tag:
            self.problem(f"</{tag}> closes <{self.stack[-1]}>")
            if tag in self.stack:
                while self.stack and self.stack[-1] != tag:
                    self.stack.pop()
                self.stack.pop()
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            return
        if "<" in data or ">" in data:
            self.problem(f"unescaped '<' or '>' in text: {data[:60]!r}")
        if re.search(r"\{[a-z_]+\}", data):
            self.problem(f"unfilled placeholder in text: {data[:80]!r}")
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.text.append(html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        self.problem("comment in output")

    def handle_pi(self, data):
        self.problem("processing instruction in output")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        source = f.read()
    checker = Checker()
    checker.feed(source)
    checker.close()
    if checker.stack:
        checker.problem(f"unclosed elements at end: {checker.stack}")
    if not checker.saw_doctype and source.lstrip().lower().startswith("<!doctype"):
        checker.problem("doctype not recognised")
    if checker.problems:
        for p in checker.problems:
            print(p, file=sys.stderr)
        return 1
    print(re.sub(r"\s+", " ", "".join(checker.text)).strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
