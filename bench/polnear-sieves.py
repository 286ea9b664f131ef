#!/usr/bin/env python3
"""Precision and speaker accuracy of each sieve of `whosaid --json` on PolNeAR train stories (issue 11).

usage: python3 bench/polnear-sieves.py --stories DIR (--run 'COMMAND' | BOT_JSON) [--bench DIR]
  --stories DIR  the stories scored (a dev folder made by bench/polnear-split.sh); never the held-out one: which rule
                 fails where is for finding failures, and the held-out part must stay unlooked at (the script refuses a
                 folder named like it)
  --run COMMAND  prints the bot's JSON; {stories} is replaced by the folder, e.g.
                 'dotnet src/BotHost/bin/Release/net10.0/BotHost.dll whosaid --seeds {stories} --json --Stories:Semantic false'
  --bench DIR    the benchmark with score.py and gold.jsonl (default ../shared/bench/polnear-train from the repository root)

Matching is score.py's own code, imported, not a copy: each story is scored as score.py scores it, then every
prediction is credited to the "sieve" its statement names.
  P           matched predictions / scored predictions of the sieve (neutral ones left out, as score.py does)
  speaker acc of the sieve's predictions whose content matches a gold statement (speaker not required), the share that
              names a right speaker; score.py's figure is the same share counted over gold statements instead
The "all" row counts predictions; score.py's P counts matched gold statements over the same scored predictions (a
quote given in pieces is one, a merged statement several), so the two differ a little. The last line is score.py's
overall line, for checking against it.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from polnear_common import DEFAULT_BENCH, by_story, load_scorer, refuse_held_out  # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description="Per-sieve precision and speaker accuracy on PolNeAR train stories.")
    ap.add_argument("bot_json", nargs="?")
    ap.add_argument("--stories", required=True)
    ap.add_argument("--run")
    ap.add_argument("--bench", default=DEFAULT_BENCH)
    a = ap.parse_args(argv)
    if bool(a.bot_json) == bool(a.run):
        ap.error("give either BOT_JSON or --run 'COMMAND'")
    refuse_held_out(a.stories, "per-sieve figures are for the dev part; the held-out part is never broken down")

    score = load_scorer(a.bench)
    stories, changed, _ = score.load_stories(os.path.join(a.bench, "gold.jsonl"), a.stories, None)
    if not stories:
        sys.exit("no story of gold.jsonl in " + a.stories)
    if changed:
        print(f"warning: {len(changed)} story files differ from the benchmark's copies", file=sys.stderr)
    if a.run:
        out = score.run_command(a.run, a.stories)
    else:
        with open(a.bot_json, encoding="utf-8") as fh:
            out = fh.read()
    statements = score.read_bot_json(out)

    by = by_story(statements)

    total = score.Tally()
    sieves = collections.defaultdict(collections.Counter)
    for art in stories:
        preds = by.get(art.name, [])
        r = score.score_article(art, preds)
        total.add(art, preds, r)
        for pi, p in enumerate(preds):
            c = sieves[p.get("sieve", "(none)")]
            c["pred"] += 1
            c["match"] += pi in r["mp"]
            c["neutral"] += pi in r["neutral"]
            if pi in r["cp"]:
                c["content"] += 1
                c["speaker"] += any(art.gold[gi]["speaker"].matches(p.get("speaker", "")) for gi in r["cp"][pi])

    pct = lambda x, n: f"{100 * x / n:5.1f}%" if n else "    -"
    print(f"{'sieve':22s} {'preds':>6s} {'neutral':>7s} {'matched':>7s} {'P':>6s} {'content':>7s} {'speaker acc':>11s}")
    rows = sorted(sieves.items(), key=lambda kv: (-kv[1]["pred"], kv[0]))
    for name, c in rows + [("all", sum((c for _, c in rows), collections.Counter()))]:
        scored = c["pred"] - c["neutral"]
        print(f"{name:22s} {c['pred']:6d} {c['neutral']:7d} {c['match']:7d} {pct(c['match'], scored):>6s} "
              f"{c['content']:7d} {pct(c['speaker'], c['content']):>11s}")
    n_gold = sum(len(art.gold) for art in stories)
    print(f"polnear-train: P {total.P():.1f}% R {total.R():.1f}% (speaker acc {total.acc():.0f}%) on {len(stories)} stories, "
          f"{n_gold} gold statements")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
