#!/usr/bin/env python3
"""Checks a generated privacy-notice CSV with Python's csv module.

Usage: check_csv.py FILE. Fails (exit 1, problems on stderr) unless the file starts with a
UTF-8 byte-order mark, every line ends in CRLF, every row has the six columns of the header
(section_no, section_id, heading, subheading, text, source), and no cell starts with a
character a spreadsheet evaluates as a formula (=, +, -, @, tab, CR). Prints the number of data
rows on stdout.
"""

import csv
import io
import sys

HEADER = ["section_no", "section_id", "heading", "subheading", "text", "source"]


def main():
    raw = open(sys.argv[1], "rb").read()
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("no UTF-8 byte-order mark")
    text = raw.decode("utf-8-sig")
    if "\n" in text.replace("\r\n", ""):
        problems.append("line feed without carriage return")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows or rows[0] != HEADER:
        problems.append(f"header is {rows[:1]}")
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            problems.append(f"row {i} has {len(row)} cells")
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                problems.append(f"row {i}: formula-like cell {cell[:30]!r}")
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    print(len(rows) - 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
