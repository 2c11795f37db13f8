#!/usr/bin/env python3
"""Generate assets/reference/countries.json from Debian's iso-codes package.

Input (Debian/Ubuntu package `iso-codes`, LGPL-2.1-or-later):
  /usr/share/iso-codes/json/iso_3166-1.json              English short names
  /usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo         German translations

The English name is iso-codes' "name", except for the short list in NAME_OVERRIDES where
that name is an inverted or official form that reads badly in a register ("Korea, Republic
of"). The German name is the gettext translation of the English "name", with the same kind of
overrides. EU and EEA membership come from EU_27 and EEA_EXTRA below (see gdpr.md §5.3).

Usage:
  python3 scripts/gen-countries.py             # writes assets/reference/countries.json
  python3 scripts/gen-countries.py --check     # exits 1 if the committed file differs
  python3 scripts/gen-countries.py --as-of 2026-11-23

The output is deterministic (sorted by code, one country per line) so diffs stay readable.
After regenerating, bump "version" if the content changed and update "as_of" (see
assets/reference/README.md).
"""

from __future__ import annotations

import argparse
import gettext
import json
import subprocess
import sys
from pathlib import Path

ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALE_DIR = Path("/usr/share/locale")
DOMAIN = "iso_3166-1"
OUT = Path(__file__).resolve().parent.parent / "assets" / "reference" / "countries.json"

VERSION = 1
DEFAULT_AS_OF = "2026-11-23"

# EU-27 (gdpr.md §5.3). Greece is GR in ISO 3166-1; the EU itself writes "EL".
EU_27 = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}
# EEA = EU-27 plus the three EFTA states in the EEA Agreement.
EEA_EXTRA = {"IS", "LI", "NO"}

# code -> (English, German or None to keep the gettext translation).
# Only names that are inverted ("X, Republic of") or otherwise awkward in a register.
NAME_OVERRIDES: dict[str, tuple[str | None, str | None]] = {
    "BO": ("Bolivia", "Bolivien"),
    "CD": ("Democratic Republic of the Congo", None),
    "CX": (None, "Weihnachtsinsel"),
    "FM": ("Micronesia", "Mikronesien"),
    "FO": (None, "Färöer"),
    "IR": ("Iran", "Iran"),
    "KP": ("Democratic People's Republic of Korea", "Demokratische Volksrepublik Korea"),
    "KR": ("Republic of Korea", "Republik Korea"),
    "LA": ("Laos", "Laos"),
    "MD": ("Moldova", "Republik Moldau"),
    "MF": (None, "Saint-Martin (französischer Teil)"),
    "PS": ("Palestine", "Palästina"),
    "SX": (None, "Sint Maarten (niederländischer Teil)"),
    "SY": ("Syria", "Syrien"),
    "TW": ("Taiwan", "Taiwan"),
    "TZ": ("Tanzania", "Tansania"),
    "UM": (None, "Kleinere Amerikanische Überseeinseln"),
    "VE": ("Venezuela", "Venezuela"),
    "VG": ("British Virgin Islands", None),
    "VI": ("United States Virgin Islands", None),
    "VN": ("Vietnam", None),
}

SOURCES = [
    "Debian iso-codes {version} (iso_3166-1.json and its German translation), LGPL-2.1-or-later; see LICENSE-iso-codes.txt",
    "EU-27 and EEA membership: gdpr.md §5.3 [S13: eucrim.eu; nifportugal.net]",
]


def iso_codes_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        return out.split("-")[0] or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build(as_of: str) -> str:
    entries = json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]
    de = gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=["de"])
    unknown = set(NAME_OVERRIDES) - {e["alpha_2"] for e in entries}
    if unknown:
        sys.exit(f"NAME_OVERRIDES has codes iso-codes does not know: {sorted(unknown)}")
    missing = (EU_27 | EEA_EXTRA) - {e["alpha_2"] for e in entries}
    if missing:
        sys.exit(f"EU/EEA codes missing from iso-codes: {sorted(missing)}")

    countries = []
    for e in sorted(entries, key=lambda e: e["alpha_2"]):
        code = e["alpha_2"]
        name_en = e["name"]
        name_de = de.gettext(name_en)
        over_en, over_de = NAME_OVERRIDES.get(code, (None, None))
        name_en = over_en or name_en
        name_de = over_de or name_de
        countries.append({
            "code": code,
            "name_en": name_en,
            "name_de": name_de,
            "eu": code in EU_27,
            "eea": code in EU_27 or code in EEA_EXTRA,
        })

    sources = [s.format(version=iso_codes_version()) for s in SOURCES]
    lines = [
        "{",
        f'  "version": {VERSION},',
        f'  "as_of": {json.dumps(as_of)},',
        '  "sources": [',
        ",\n".join(f"    {json.dumps(s, ensure_ascii=False)}" for s in sources),
        "  ],",
        '  "countries": [',
        ",\n".join(f"    {json.dumps(c, ensure_ascii=False)}" for c in countries),
        "  ]",
        "}",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--as-of", default=DEFAULT_AS_OF, help="as_of date, YYYY-MM-DD")
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    parser.add_argument("--out", type=Path, default=OUT, help="output path")
    args = parser.parse_args()

    text = build(args.as_of)
    json.loads(text)  # sanity: the hand-assembled layout is valid JSON
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run scripts/gen-countries.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
