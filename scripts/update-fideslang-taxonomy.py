#!/usr/bin/env python3
"""Regenerate Sources/CustosCore/Resources/fideslang-taxonomy.json from the installed fideslang
package, so that Custos knows which keys the default taxonomy defines (the file is compiled into
the program; FideslangTaxonomy+Defaults.swift reads it).

Run with the test venv's Python: .venv/bin/python scripts/update-fideslang-taxonomy.py
"""
import json
import pathlib

import fideslang
from fideslang import DEFAULT_TAXONOMY

OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources/CustosCore/Resources/fideslang-taxonomy.json"


def entries(items):
    return {item.fides_key: item.name or "" for item in sorted(items, key=lambda i: i.fides_key)}


taxonomy = {
    "fideslang": fideslang.__version__,
    "data_categories": entries(DEFAULT_TAXONOMY.data_category),
    "data_uses": entries(DEFAULT_TAXONOMY.data_use),
    "data_subjects": entries(DEFAULT_TAXONOMY.data_subject),
}
OUT.write_text(json.dumps(taxonomy, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {OUT}")
