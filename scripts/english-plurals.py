#!/usr/bin/env python3
"""Fills the English plural forms of translations/vigil_en.ts from the sources' own words.

Counted strings are written with the plural marked, `tr("%Ln row(s) stored", nullptr, n)`:
the one form drops the marker ("1 row stored"), the many form keeps its letters ("2 rows
stored"); `y(ies)` gives "entry"/"entries". Forms already filled by hand are left alone; a
counted string without a marker gets its source for every count, and is named on stderr.

Run after `cmake --build build --target vigil_plurals_lupdate`.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "translations" / "vigil_en.ts"


def forms(source: str):
    if "(" not in source:
        return None
    one = re.sub(r"y\(ies\)", "y", source)
    many = re.sub(r"y\(ies\)", "ies", source)
    one = one.replace("(s)", "").replace("(es)", "")
    many = many.replace("(s)", "s").replace("(es)", "es")
    return (one, many) if one != source else None


def main() -> int:
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        numerus = translation.findall("numerusform")
        if all((form.text or "").strip() for form in numerus) and numerus:
            translation.attrib.pop("type", None)
            continue
        source = message.findtext("source")
        made = forms(source)
        if not made:
            # No marker: the words do not change with the count ("%Ln rejected").
            missing.append(source)
            made = (source, source)
        for form in numerus:
            translation.remove(form)
        for text in made:
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    for source in missing:
        print(f"no plural marker, one form for all counts (edit by hand if wrong): {source}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
