"""Fill unfinished zh_CN translations in the .ts file from a table of pairs.

Usage: .venv/bin/python scripts/fill_translations.py PAIRS.tsv
PAIRS.tsv holds `English source<TAB>中文` lines. Existing finished translations are kept.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS_FILE = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "duty_console_zh_CN.ts"


def main(pairs_file: str) -> int:
    pairs = dict(
        line.split("\t", 1) for line in Path(pairs_file).read_text(encoding="utf-8").splitlines() if "\t" in line
    )
    tree = ET.parse(TS_FILE)
    filled = 0
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if translation.get("type") == "unfinished" and source.text in pairs:
            text = pairs[source.text].strip()
            forms = translation.findall("numerusform")
            if forms:  # Chinese has one plural form
                translation.text = None
                for extra in forms[1:]:
                    translation.remove(extra)
                forms[0].text = text
            else:
                translation.text = text
            del translation.attrib["type"]
            filled += 1
    tree.write(TS_FILE, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translations in {TS_FILE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
