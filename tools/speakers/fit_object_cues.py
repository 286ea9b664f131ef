#!/usr/bin/env python3
"""Find the reporting verbs whose plain object PolNeAR's annotators count as what was said (issue 11).

usage: python3 tools/speakers/fit_object_cues.py --stories DIR --bot 'dotnet BIN/BotHost.dll' [--bench DIR]
                                                 [--min-precision P] [--z Z] [--write FILE]
  --stories DIR        the dev part made by bench/polnear-split.sh (the held-out part is refused: it only measures)
  --bot CMD            runs BotHost: `CMD whosaid --seeds DIR --json --Stories:Semantic false`; a build that keeps every
                       verb's plain object, or a verb left out now could never be seen again:
                         dotnet build -c Release src/BotHost -o /tmp/bh-all-obj -p:ObjectSpeechCuesFile=$PWD/tools/speakers/every-object-cue.txt
  --min-precision P    a verb is listed when, with the confidence Z gives, more than this share of its scored
                       plain-object statements match gold: the lower bound of the Wilson interval is above it (0.5:
                       more often right than wrong)
  --z Z                the interval's z (default 1.645: 90 %)
  --write FILE         src/StoryFacts/Resources/object-speech-cues.txt ships; the extractor keeps a plain object
                       ("announced his candidacy") as the statement only for the verbs listed

A verb of the extractor's noun-object list ("announced", "recalled", "showed", ...) followed by a noun phrase rather
than a clause made no statement before this list: "announced a share buyback" is a thing done. The build that keeps
every such object marks those statements with the sieve PlainObject; each is scored and matched as score.py scores it
(its code, imported; neutral predictions left out). The verb is the statement's "verb" field's last word, lower-cased.
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
    ap.add_argument("--min-precision", type=float, default=0.5)
    ap.add_argument("--z", type=float, default=1.645)
    ap.add_argument("--write")
    a = ap.parse_args(argv)
    refuse_held_out(a.stories, "the held-out part is for measuring, never for fitting")
    counts = tally_by_verb(a.bench, a.stories, a.bot, lambda p: p.get("sieve") == "PlainObject")
    if not counts:
        sys.exit("no PlainObject statement: build the bot with every object kept (see --bot)")
    listed = sorted((v for v, c in counts.items() if wilson_bounds(c["matched"], c["scored"], a.z)[0] > a.min_precision),
                    key=lambda v: (-counts[v]["matched"] / counts[v]["scored"], v))
    for v, c in sorted(counts.items(), key=lambda kv: -kv[1]["scored"]):
        print(f"{'+' if v in listed else ' '} {v:14s} scored {c['scored']:4d} matched {c['matched']:4d}")
    print(f"{len(listed)} of {len(counts)} verbs listed; their {sum(counts[v]['scored'] for v in listed)} scored "
          f"plain-object statements matched gold {sum(counts[v]['matched'] for v in listed)} times")
    if a.write:
        write_verb_list(a.write,
                        "# Verbs whose plain object PolNeAR's annotators count as what was said (\"announced his candidacy\"): the\n"
                        "# extractor keeps such an object as the statement for these verbs only. Written by\n"
                        "# tools/speakers/fit_object_cues.py on PolNeAR train's dev part (--min-precision "
                        f"{a.min_precision} --z {a.z}: the Wilson\n"
                        "# interval's lower bound of the verb's precision is above it); columns: verb, scored, matched on dev.\n", listed, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
