#!/usr/bin/env python3
"""Proves that a change to the golden snapshots only added each statement's "sieve" field.

Usage: golden-sieve-diff.py OLD_GOLDEN_FOLDER NEW_GOLDEN_FOLDER
Every snapshot in both folders must be equal once "sieve" keys are deleted from the new one, every statement of a new
whosaid snapshot must have one, and no file may be added or removed. Exits 1 on any other difference.
"""
import json
import pathlib
import sys


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k != "sieve"}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


old_root, new_root = (pathlib.Path(a) for a in sys.argv[1:3])
old = {p.relative_to(old_root) for p in old_root.rglob("*.json") if not p.name.endswith(".actual.json")}
new = {p.relative_to(new_root) for p in new_root.rglob("*.json") if not p.name.endswith(".actual.json")}
bad = [f"only in old: {p}" for p in sorted(old - new)] + [f"only in new: {p}" for p in sorted(new - old)]
changed = 0
for rel in sorted(old & new):
    a = json.loads((old_root / rel).read_text(encoding="utf-8"))
    b = json.loads((new_root / rel).read_text(encoding="utf-8"))
    if a != b:
        changed += 1
    if strip(b) != a:
        bad.append(f"differs beyond the sieve field: {rel}")
    if rel.name.endswith(".whosaid.json") and any("sieve" not in s for s in b.get("statements", [])):
        bad.append(f"a statement without a sieve: {rel}")
print(f"{len(old & new)} snapshots compared, {changed} changed, all changes only the added sieve field: {not bad}")
for line in bad:
    print(line)
sys.exit(1 if bad else 0)
