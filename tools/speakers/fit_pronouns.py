#!/usr/bin/env python3
"""Fit the weights by which a speaking "he" or "she" picks its person (issue 11), from PolNeAR train's gold.

usage: python3 tools/speakers/fit_pronouns.py --stories DIR --bot 'dotnet BIN/BotHost.dll' [--bench DIR]
                                              [--folds N] [--l2 X] [--write FILE]
  --stories DIR  the stories fitted on: the dev part made by bench/polnear-split.sh (the held-out part is refused; it
                 only measures the result, with score.py)
  --bot CMD      runs BotHost; the script calls `CMD whosaid --seeds DIR --json --Stories:Semantic false` and
                 `CMD pronoun-candidates --stories DIR`
  --write FILE   write the weights fitted on every story of DIR (src/StoryFacts/Resources/pronoun-weights.json ships)

How: every statement the bot made whose speaker came from a "he" or "she" and whose content matches a gold statement
(score.py's own matching, imported) is one example; its candidates are the people `pronoun-candidates` lists for that
pronoun, each labelled right when score.py would accept its name for the gold speaker. A conditional logit (softmax
over an example's candidates, L2 on the weights) is fitted by gradient descent, pure Python. The script prints, on
the examples with a right candidate, how often the shipped weights and the fitted ones rank a right one first:
across folds of whole stories (the figure to trust) and on all of them.
"""
import argparse, collections, json, math, os, random, re, shlex, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from polnear_common import DEFAULT_BENCH, by_story, load_scorer, refuse_held_out, run  # noqa: E402


def examples(score, bench, stories_dir, bot):
    stories, _, _ = score.load_stories(os.path.join(bench, "gold.jsonl"), stories_dir, None)
    folder = shlex.quote(stories_dir)
    statements = score.read_bot_json(run(f"{bot} whosaid --seeds {folder} --json --Stories:Semantic false"))
    decisions = collections.defaultdict(list)
    for line in run(f"{bot} pronoun-candidates --stories {folder}").splitlines():
        d = json.loads(line)
        decisions[(re.sub(r"\.txt$", "", d["story"]), d["paragraph"], d["sentence"])].append(d)
    by = by_story(statements)
    out = []
    for art in stories:
        preds = by.get(art.name, [])
        r = score.score_article(art, preds)
        for pi, gis in r["cp"].items():
            p = preds[pi]
            found = [d for d in decisions.get((art.name, p.get("paragraph"), p.get("sentence")), []) if d["chosen"] == p.get("speaker")]
            if not found:
                continue
            d = found[-1]
            labels = [any(art.gold[gi]["speaker"].matches(c["name"]) for gi in gis) for c in d["candidates"]]
            out.append({"story": art.name, "features": [c["features"] for c in d["candidates"]], "labels": labels,
                        "shipped": [c["score"] for c in d["candidates"]]})
    return out


def first_right(scores, labels):
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))  # ties: the candidate listed first, as the bot does
    return labels[best]


def fit(train, names, l2, epochs=300, rate=0.5):
    w = [0.0] * len(names)
    data = [([[f[n] for n in names] for f in e["features"]], e["labels"]) for e in train if any(e["labels"]) and len(e["labels"]) > 1]
    for _ in range(epochs):
        grad = [l2 * x for x in w]
        for xs, ys in data:
            s = [sum(a * b for a, b in zip(w, x)) for x in xs]
            m = max(s)
            e = [math.exp(v - m) for v in s]
            z = sum(e)
            p = [v / z for v in e]
            right = sum(pv for pv, y in zip(p, ys) if y)
            # gradient of -log P(any right candidate)
            for x, pv, y in zip(xs, p, ys):
                coef = pv - (pv / right if y else 0.0)
                for k, v in enumerate(x):
                    grad[k] += coef * v / len(data)
        w = [a - rate * g for a, g in zip(w, grad)]
    return dict(zip(names, w))


def accuracy(exs, weights):
    n = hit = 0
    for e in exs:
        if not any(e["labels"]):
            continue
        n += 1
        hit += first_right([sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in e["features"]], e["labels"])
    return hit, n


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", required=True)
    ap.add_argument("--bot", required=True)
    ap.add_argument("--bench", default=DEFAULT_BENCH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--write")
    a = ap.parse_args(argv)
    refuse_held_out(a.stories, "the held-out part is for measuring, never for fitting")
    score = load_scorer(a.bench)
    exs = examples(score, a.bench, a.stories, a.bot)
    names = list(exs[0]["features"][0].keys()) if exs else []
    answerable = [e for e in exs if any(e["labels"])]
    print(f"{len(exs)} pronoun statements matched to gold content; a right candidate among {len(answerable)}; "
          f"{sum(1 for e in answerable if len(e['labels']) > 1)} with a choice to make")
    shipped = sum(first_right(e["shipped"], e["labels"]) for e in answerable)
    print(f"shipped weights: right first {shipped}/{len(answerable)}")
    stories = sorted({e["story"] for e in exs})
    random.Random(7).shuffle(stories)
    fold_of = {s: i % a.folds for i, s in enumerate(stories)}
    hit = n = 0
    for k in range(a.folds):
        w = fit([e for e in exs if fold_of[e["story"]] != k], names, a.l2)
        h, m = accuracy([e for e in exs if fold_of[e["story"]] == k], w)
        hit, n = hit + h, n + m
    print(f"fitted, held out by {a.folds} folds of whole stories: right first {hit}/{n}")
    weights = fit(exs, names, a.l2)
    h, m = accuracy(exs, weights)
    print(f"fitted on all: right first {h}/{m}")
    for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:18s} {v:+.3f}")
    if a.write:
        with open(a.write, "w", encoding="utf-8") as fh:
            json.dump({"weights": {k: round(v, 4) for k, v in weights.items()}}, fh, indent=2)
            fh.write("\n")
        print("wrote", a.write)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
