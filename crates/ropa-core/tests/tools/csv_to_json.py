#!/usr/bin/env python3
"""Reads a CSV file with Python's csv module, as an independent reader for the export tests.

Usage: csv_to_json.py FILE DELIMITER

Prints one JSON object:
  bom        -- whether the file starts with a UTF-8 byte-order mark
  rows       -- the parsed records (lists of strings)
  canonical  -- whether writing the parsed rows back with the csv module (same delimiter,
                minimal quoting, CRLF line ends) gives the file's text byte for byte, i.e. the
                file is RFC 4180 with CRLF records and quotes only where needed
"""
import csv
import io
import json
import sys


def main() -> None:
    path, delimiter = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        raw = f.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    again = io.StringIO(newline="")
    csv.writer(again, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    json.dump(
        {"bom": bom, "rows": rows, "canonical": again.getvalue() == text},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
