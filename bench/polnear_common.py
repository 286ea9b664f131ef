"""What the PolNeAR scripts share (bench/polnear-sieves.py, tools/speakers/fit_*.py): score.py imported, not copied;
the bot run; the held-out part refused; predictions grouped by story as score.py names them."""
import collections
import importlib.util
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BENCH = os.path.join(ROOT, "..", "shared", "bench", "polnear-train")


def load_scorer(bench):
    """The benchmark's own score.py as a module."""
    spec = importlib.util.spec_from_file_location("polnear_score", os.path.join(bench, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(cmd):
    """The standard output of a shell command that must succeed."""
    return subprocess.run(cmd, shell=True, check=True, capture_output=True, text=True).stdout


def refuse_held_out(folder, why):
    """Stops the script when asked to look into the held-out part (a folder named like it)."""
    if re.search(r"held[-_]?out", os.path.abspath(folder), re.IGNORECASE):
        sys.exit("refused: " + why)


def by_story(statements):
    """Bot statements grouped by the story name score.py gives an article (file name without .txt)."""
    by = collections.defaultdict(list)
    for s in statements:
        by[re.sub(r"\.txt$", "", os.path.basename(str(s.get("story", ""))))].append(s)
    return by


def tally_by_verb(bench, stories_dir, bot, keep):
    """The bot run over stories_dir (by words), each of its predictions that `keep(prediction)` accepts and score.py
    does not leave out of precision (neutral), counted under its cue verb (the "verb" field's last word, lower-cased):
    {verb: Counter(scored=..., matched=...)}. Matched as score.py matches, with its own code."""
    import shlex
    score = load_scorer(bench)
    stories, _, _ = score.load_stories(os.path.join(bench, "gold.jsonl"), stories_dir, None)
    by = by_story(score.read_bot_json(run(f"{bot} whosaid --seeds {shlex.quote(stories_dir)} --json --Stories:Semantic false")))
    counts = collections.defaultdict(collections.Counter)
    for art in stories:
        preds = by.get(art.name, [])
        r = score.score_article(art, preds)
        for pi, p in enumerate(preds):
            if not keep(p) or pi in r["neutral"] or not p.get("verb"):
                continue
            c = counts[p["verb"].split()[-1].lower()]
            c["scored"] += 1
            c["matched"] += pi in r["mp"]
    return counts


def wilson_bounds(k, n, z):
    """The Wilson score interval (lower, upper) for k successes in n trials; (0, 1) when there are none."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)


def write_verb_list(path, header, listed, counts):
    """A fitted verb list as the extractor reads it: the header's comment lines, then verb, scored, matched on dev."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for v in listed:
            fh.write(f"{v}\t{counts[v]['scored']}\t{counts[v]['matched']}\n")
    print("wrote", path)
