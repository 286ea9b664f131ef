#!/usr/bin/env bash
# Builds the dev / held-out split of the PolNeAR train set (issue 11).
# Rule: sort the story file names (C locale); story number i (0-based) goes to held-out when i % 5 == 4,
# otherwise to dev. Whole stories, deterministic, 168 held-out / 672 dev. Every publisher's stories are
# contiguous in the sorted list, so each publisher gives 24 held-out stories.
# Never look at held-out misses: find failures on dev only; held-out only checks that a fix does not hurt.
#   usage: bench/polnear-split.sh [BENCH_DIR] [OUT_DIR]   (defaults: ../shared/bench/polnear-train from the repository root, /tmp/polnear)
# Then score, from the repository root after `dotnet build -c Release src/BotHost`:
#   python3 BENCH_DIR/score.py --stories OUT_DIR/dev \
#     --run 'dotnet src/BotHost/bin/Release/net10.0/BotHost.dll whosaid --seeds {stories} --json --Stories:Semantic false'
# (and the same with OUT_DIR/heldout).
set -euo pipefail
bench=${1:-../shared/bench/polnear-train}
out=${2:-/tmp/polnear}
rm -rf "$out/dev" "$out/heldout"
mkdir -p "$out/dev" "$out/heldout"
i=0
while IFS= read -r f; do
  if (( i % 5 == 4 )); then cp "$bench/stories/$f" "$out/heldout/"; else cp "$bench/stories/$f" "$out/dev/"; fi
  i=$((i + 1))
done < <(cd "$bench/stories" && LC_ALL=C ls -1 | LC_ALL=C sort)
echo "dev: $(ls "$out/dev" | wc -l) stories, held-out: $(ls "$out/heldout" | wc -l) stories in $out"
