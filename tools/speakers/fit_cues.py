#!/usr/bin/env python3
"""Find the cue verbs whose reported statements PolNeAR's annotators do not count as speech (issue 11).

usage: python3 tools/speakers/fit_cues.py --stories DIR --bot 'dotnet BIN/BotHost.dll' [--bench DIR]
                                          [--max-precision P] [--min-scored N] [--write FILE]
  --stories DIR        the dev part made by bench/polnear-split.sh (the held-out part is refused: it only measures)
  --bot CMD            runs BotHost: `CMD whosaid --seeds DIR --json --Stories:Semantic false`; a build that drops no
                       cue, or the verbs listed now could never be seen again:
                         dotnet build -c Release src/BotHost -o /tmp/bh-all-cues -p:NonSpeechCuesFile=$PWD/tools/speakers/no-cues.txt
  --max-precision P    a verb is listed when, at 99 % confidence, at most this share of its scored reported statements
                       match gold (0.5: more often wrong than right): the Wilson interval's upper bound at 99 % is below it, so
                       a verb seen a few times with one miss too many is not listed on that evidence alone
  --write FILE         src/StoryFacts/Resources/non-speech-cues.txt ships; the extractor drops reported (indirect)
                       statements whose cue is listed

Scored and matched as score.py scores them (its code, imported): neutral predictions (polls, thoughts, boilerplate)
are left out, so a verb is listed only for statements that count against precision. The verb is the last word of the
statement's "verb" field, lower-cased ("has insisted" -> insisted). Listing changes nothing else: the sentence is still
read, its speaker still remembered for later pronouns.
"""
import argparse, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from polnear_common import DEFAULT_BENCH, refuse_held_out, tally_by_verb, wilson_bounds, write_verb_list  # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", required=True)
    ap.add_argument("--bot", required=True)
    ap.add_argument("--bench", default=DEFAULT_BENCH)
    ap.add_argument("--max-precision", type=float, default=0.5)
    ap.add_argument("--write")
    a = ap.parse_args(argv)
    refuse_held_out(a.stories, "the held-out part is for measuring, never for fitting")
    counts = tally_by_verb(a.bench, a.stories, a.bot, lambda p: p.get("kind") == "indirect")
    listed = sorted((v for v, c in counts.items() if wilson_bounds(c["matched"], c["scored"], 2.576)[1] < a.max_precision),
                    key=lambda v: (counts[v]["matched"] / counts[v]["scored"], v))
    for v in listed:
        print(f"{v:14s} scored {counts[v]['scored']:4d} matched {counts[v]['matched']:4d}")
    print(f"{len(listed)} cue verbs listed; their {sum(counts[v]['scored'] for v in listed)} scored reported statements "
          f"matched gold {sum(counts[v]['matched'] for v in listed)} times")
    if a.write:
        write_verb_list(a.write,
                        "# Cue verbs whose reported (indirect) statements are not speech as PolNeAR's annotators count it: the\n"
                        "# extractor drops those statements. Written by tools/speakers/fit_cues.py on PolNeAR train's dev part\n"
                        f"# (--max-precision {a.max_precision}: the Wilson 99 % upper bound of the verb's precision is below it);\n"
                        "# columns: verb, scored, matched on dev.\n", listed, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
