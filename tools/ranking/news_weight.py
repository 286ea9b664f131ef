#!/usr/bin/env python3
"""How much a reader question should count against a SQuAD question in the /ask ranking fit (issue 9).

usage: dotnet BIN/BotHost.dll fit --only meaning --dump FIT.jsonl
       python3 tools/ranking/news_weight.py FIT.jsonl [--grid 1,3,5,8,12] [--squad]

The fit (RankerFit) is a listwise softmax over each question's candidates, linear in the named features, trained with
Adam from zero weights (800 steps, rate 0.05, L2 1e-3); this script trains the same model on the dumped features (the
held-out figure at weight 1 is the fit's own) and reports, on newsqa-dev held out by the fit's five folds of whole
stories (story i in fold i mod 5, in file-name order):
  - each weight of the grid, held out (top-1, top-3): what each would show;
  - nested: for each fold, the weight is chosen by the other four folds alone (each in turn held out of those), and
    only then is the fold answered. This is the figure to trust for the chosen default, since no weight was picked by
    looking at the stories it is measured on.
With --squad, SQuAD tune held out by article at each weight too (the issue keeps it at 80.7 % or more).
Needs numpy (Debian: python3-numpy).
"""
import argparse, json, sys

import numpy as np


def load(path):
    with open(path, encoding="utf-8") as f:
        header = json.loads(f.readline())
        rows = [json.loads(line) for line in f if line.strip()]
    return header["features"], rows


class FitData:
    def __init__(self, rows):
        self.news_stories = sorted({r["group"] for r in rows if r["set"] == "news"})
        self.articles = sorted({r["group"] for r in rows if r["set"] == "squad"})
        fold = {s: i % 5 for i, s in enumerate(self.news_stories)}
        width = max(len(r["labels"]) for r in rows)
        features = len(rows[0]["features"][0])
        self.x = np.zeros((len(rows), width, features))
        self.y = np.zeros((len(rows), width), bool)
        self.mask = np.zeros((len(rows), width), bool)
        for i, r in enumerate(rows):
            n = len(r["labels"])
            if n:
                self.x[i, :n] = r["features"]
            self.y[i, :n] = r["labels"]
            self.mask[i, :n] = True
        self.news = np.array([r["set"] == "news" for r in rows])
        self.fold = np.array([fold[r["group"]] if r["set"] == "news" else -1 for r in rows])
        self.article = np.array([self.articles.index(r["group"]) if r["set"] == "squad" else -1 for r in rows])
        self.usable = self.y.any(1) & (self.mask & ~self.y).any(1)

    def train(self, selected, news_weight, steps=800, rate=0.05, l2=1e-3):
        idx = np.where(selected & self.usable)[0]
        x, y, m = self.x[idx], self.y[idx], self.mask[idx]
        qw = np.where(self.news[idx], news_weight, 1.0)
        w = np.zeros(x.shape[2]); moment = np.zeros_like(w); velocity = np.zeros_like(w)
        for step in range(steps):
            s = np.where(m, np.einsum("qnf,f->qn", x, w), -1e30)
            p = np.exp(s - s.max(1, keepdims=True)) * m
            gold = np.where(y, p, 0)
            g = np.einsum("qn,qnf->f", (p / p.sum(1, keepdims=True) - gold / gold.sum(1, keepdims=True)) * qw[:, None], x)
            g = g / qw.sum() + l2 * w
            moment = 0.9 * moment + 0.1 * g
            velocity = 0.999 * velocity + 0.001 * g * g
            w -= rate * (moment / (1 - 0.9 ** (step + 1))) / (np.sqrt(velocity / (1 - 0.999 ** (step + 1))) + 1e-8)
        return w

    def hits(self, selected, w, within=1):
        total = 0
        for i in np.where(selected)[0]:
            n = int(self.mask[i].sum())
            scores = self.x[i, :n] @ w
            # Ties to the earlier candidate, as the fit counts them.
            order = sorted(range(n), key=lambda j: (-scores[j], j))[:within]
            total += any(self.y[i, j] for j in order)
        return total

    def news_held_out(self, news_weight, folds):
        top1 = top3 = 0
        for f in folds:
            w = self.train(~self.news | (self.fold != f), news_weight)
            top1 += self.hits(self.news & (self.fold == f), w)
            top3 += self.hits(self.news & (self.fold == f), w, 3)
        return top1, top3

    def inner_score(self, outer, news_weight):
        score = 0
        for f in range(5):
            if f == outer:
                continue
            w = self.train(~self.news | ((self.fold != outer) & (self.fold != f)), news_weight)
            score += self.hits(self.news & (self.fold == f), w)
        return score

    def squad_held_out(self, news_weight):
        total = 0
        for a in range(len(self.articles)):
            w = self.train(self.news | ((self.article != a) & (self.article >= 0)), news_weight)
            total += self.hits(self.article == a, w)
        return total


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump")
    ap.add_argument("--grid", default="1,3,5,8,12")
    ap.add_argument("--squad", action="store_true")
    args = ap.parse_args(argv)
    grid = [float(g) for g in args.grid.split(",")]
    _, rows = load(args.dump)
    data = FitData(rows)
    answerable = int(data.news.sum())
    print(f"{answerable} newsqa-dev questions in {len(data.news_stories)} stories, {int((~data.news).sum())} SQuAD in {len(data.articles)} articles")
    for weight in grid:
        top1, top3 = data.news_held_out(weight, range(5))
        line = f"weight {weight:g}: newsqa-dev held out top-1 {top1}/{answerable}, top-3 {top3}"
        if args.squad:
            squad = data.squad_held_out(weight)
            line += f"; SQuAD held out {squad}/{int((~data.news).sum())}"
        print(line, flush=True)
    top1 = top3 = 0
    for outer in range(5):
        scores = {w: data.inner_score(outer, w) for w in grid}
        # The inner folds' best; the smaller weight on a tie.
        chosen = max(grid, key=lambda w: (scores[w], -w))
        t1, t3 = data.news_held_out(chosen, [outer])
        top1 += t1; top3 += t3
        print(f"fold {outer}: inner folds' top-1 by weight {scores}, chose {chosen:g}: {t1} right", flush=True)
    print(f"nested (weight chosen without the held-out fold): newsqa-dev held out top-1 {top1}/{answerable}, top-3 {top3}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
