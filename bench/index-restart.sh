#!/usr/bin/env bash
# What Stories:IndexPath saves (issue 12, "A persistent index"): with meaning on, the first build, a restart over the
# unchanged library, and one story added while the bot runs.
#
#   bench/index-restart.sh [--size N] [--work DIR] [--no-build] [--words] [--adds K] [STORY_DIR...]
#
# The library is the first N (default 300) .txt/.md stories of the STORY_DIRs by file name (README.md left out), as in
# bench/archive-scale.sh; story N+1 is the one added. Steps, one after another:
#   1. first build: `BotHost ask` with an empty index folder (every passage encoded and kept);
#   2. restart: the same command again (nothing should be encoded);
#   3. restart by words (--Stories:Semantic false), for comparison;
#   4. one story added: the bot runs (terminal mode, watching the folder), story N+1 is linked into the folder and the
#      time until the "re-indexed" log line is taken (it includes the watcher's 0.5 s quiet period); the story is
#      linked once the read-ahead after the last publication (who speaks in each story, debug line 2110) is done.
# --words: by words alone (--Stories:Semantic false, no model, nothing encoded): only steps 3 and 4.
# --stand-in: step 1 fills the index folder with stand-in vectors (BotHost.Benchmarks stand-in-index: the bot's own store,
#   the models' identity and length, hash-made values) in seconds instead of encoding; for timing steps 2 and 4 at full
#   scale. Answers are then not meaningful; the stories added in step 4 are encoded by the real models.
# --adds K: step 4 adds stories N+1 to N+K one at a time, each timed (wall and the bot's CPU seconds).
# Each step prints its wall time (/usr/bin/time), peak RSS and the engine's own log lines (build time, passages
# encoded and reused, vectors read from disk). On a shared machine quote the load average printed with them.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
size=300
work=/tmp/index-restart
build=1
adds=1
standin=0
semantic=true
dirs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --words) semantic=false; shift ;;
    --adds) adds=$2; shift 2 ;;
    --stand-in) standin=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) dirs+=("$1"); shift ;;
  esac
done
bh=${BOTHOST_BIN:-/tmp/index-restart-bh}
(( ${#dirs[@]} > 0 )) || { echo "name a story folder, e.g. ../shared/bench/bbc-archive" >&2; exit 2; }
mkdir -p "$work"
bench=${BENCH_BIN:-/tmp/index-restart-bench}
if [[ $build == 1 ]]; then
  dotnet build -c Release "$repo/src/BotHost" -o "$bh" -v q -nologo >/dev/null
  if [[ $standin == 1 ]]; then dotnet build -c Release "$repo/bench/BotHost.Benchmarks" -o "$bench" -v q -nologo >/dev/null; fi
fi

existing=()
for d in "${dirs[@]}"; do [[ -d $d ]] && existing+=("$(cd "$d" && pwd)"); done
(( ${#existing[@]} > 0 )) || { echo "no story folder among ${dirs[*]}" >&2; exit 2; }
find "${existing[@]}" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) ! -name README.md -printf '%f\t%p\n' \
  | LC_ALL=C sort | cut -f2 > "$work/library.txt"
lib=$work/lib-$size
index=$work/index-$size
rm -rf "$lib" "$index"; mkdir -p "$lib"
head -n "$size" "$work/library.txt" | while IFS= read -r p; do ln -s "$p" "$lib/"; done
mapfile -t added < <(sed -n "$((size + 1)),$((size + adds))p" "$work/library.txt")
(( ${#added[@]} == adds )) || { echo "the library has no stories $((size + 1))-$((size + adds)) to add" >&2; exit 2; }

engine_lines() { grep -A1 -E 'StoryIndexer\[(2101|2106|2110|2112|2114|2120|2125)\]' "$1" | grep -vE '^(--|info|warn|dbug)' | sed 's/^ */    /'; }

# step NAME SEMANTIC: one `BotHost ask` over the library, timed.
step() {
  local name=$1 semantic=$2 log=$work/$1.log
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bh/BotHost" ask "Who is the chief executive?" --seeds "$lib" \
    --Stories:Semantic "$semantic" --Stories:IndexPath "$index" --Logging:LogLevel:Default Information >/dev/null 2>"$log"
  read -r wall rss < "$work/time.txt"
  echo "$name: start to ready and one answer ${wall} s, peak RSS $((rss / 1024)) MB, load $(cut -d' ' -f1-3 /proc/loadavg)"
  engine_lines "$log"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; $size stories from ${dirs[*]}; adding $adds"
if [[ $semantic == true && $standin == 1 ]]; then
  echo "first build: stand-in vectors, $(dotnet "$bench/BotHost.Benchmarks.dll" stand-in-index --stories "$lib" --index "$index" | tail -1)"
  step restart true
elif [[ $semantic == true ]]; then
  step first-build true
  echo "    index folder: $(du -sh "$index" | cut -f1), $(find "$index" -name '*.vectors' | wc -l) file(s)"
  step restart true
fi
step restart-by-words false

# Stories added one at a time while the bot runs in terminal mode (stdin held open, the folder watched).
log=$work/watch.log
: > "$log"
tail -f /dev/null | "$bh/BotHost" --seeds "$lib" --Stories:Semantic "$semantic" --Stories:IndexPath "$index" \
  --Logging:LogLevel:Default Information --Logging:LogLevel:StoryEngine.Hosting.StoryIndexer Debug >/dev/null 2>"$log" &
bot=$!
trap 'kill "$bot" 2>/dev/null || true; for a in "${added[@]}"; do rm -f "$lib/$(basename "$a")"; done' EXIT
until grep -q 'StoryIndexer\[2101\]' "$log"; do sleep 0.1; done
# wait_lines PATTERN N: until the log has N lines matching PATTERN (at most 120 s).
wait_lines() { for _ in $(seq 1200); do (( $(grep -cE "$1" "$log") >= $2 )) && return; sleep 0.1; done; }
# CPU seconds (user + system) the bot has used so far.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$bot/stat"; }
for ((k = 1; k <= adds; k++)); do
  # Let the read-ahead after the last publication (who speaks in each story, debug line 2110) finish first, so it
  # does not compete with the rebuild for the cores.
  wait_lines 'StoryIndexer\[(2110|2111)\]' "$k"
  sleep 1
  a=${added[$((k - 1))]}
  c0=$(cpu); start=$(date +%s.%N)
  ln -s "$a" "$lib/"
  wait_lines 'StoryIndexer\[2106\]' "$k"
  end=$(date +%s.%N); c1=$(cpu)
  echo "story $k added while running ($(basename "$a")): served $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s after it was linked, the bot used $(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.1f", b - a }') s of CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
# The read-ahead after the last publication (after the rebuild, so not in the times above).
wait_lines 'StoryIndexer\[(2110|2111)\]' $((adds + 1))
engine_lines "$log"
kill "$bot"; wait "$bot" 2>/dev/null || true
