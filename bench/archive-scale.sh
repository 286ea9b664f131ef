#!/usr/bin/env bash
# Start to ready, peak memory and /ask latency against library size (issue 12, "An archive on one machine").
#
#   bench/archive-scale.sh [--sizes "10 100 1000 2575"] [--meaning-up-to N] [--meaning-latency-up-to N]
#                          [--calls N] [--work DIR] [--no-build] [STORY_DIR...]
#
# The library is every .txt/.md story in the STORY_DIRs (README.md left out), sorted by file name; size N is the first
# N of them, linked into WORK/lib-N. With no STORY_DIR, or none that exists, a generated library of 2,575 stories
# (made-up English news, deterministic) serves instead, so the script runs anywhere; say which in any figure quoted.
# Usual call, with the shared data beside the repository:
#   bench/archive-scale.sh ../shared/bench/bbc-archive ../shared/bench/polnear-train/stories
#
# Per size, by words (--Stories:Semantic false) and, up to --meaning-up-to stories, with meaning:
#   - start to ready: wall time of one `BotHost ask` (process start, load, index build, one answer, exit), its peak
#     RSS (/usr/bin/time %M) and the engine's own "Indexed ... in N ms" log line;
#   - /ask latency: `BotHost.Benchmarks ask-latency` over bench/archive-questions.txt (200 generic news questions,
#     none written for any story), one timing per call, in process (no HTTP).
# Each step runs alone, one after another: on a shared machine run it when the load is low, and quote the load.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sizes="10 100 1000 2575"
meaning_up_to=100
meaning_latency_up_to=
calls=2000
work=/tmp/archive-scale
build=1
dirs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --meaning-up-to) meaning_up_to=$2; shift 2 ;;
    --meaning-latency-up-to) meaning_latency_up_to=$2; shift 2 ;;
    --calls) calls=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) dirs+=("$1"); shift ;;
  esac
done
meaning_latency_up_to=${meaning_latency_up_to:-$meaning_up_to}
bh=${BOTHOST_BIN:-/tmp/scale-bh}
bench=${BENCH_BIN:-/tmp/scale-bench}
questions=$repo/bench/archive-questions.txt
mkdir -p "$work"

if [[ $build == 1 ]]; then
  dotnet build -c Release "$repo/src/BotHost" -o "$bh" -v q -nologo >/dev/null
  dotnet build -c Release "$repo/bench/BotHost.Benchmarks" -o "$bench" -v q -nologo >/dev/null
fi

existing=()
for d in "${dirs[@]+"${dirs[@]}"}"; do [[ -d $d ]] && existing+=("$(cd "$d" && pwd)"); done
if [[ ${#existing[@]} -eq 0 ]]; then
  # No archive here: 2,575 made-up stories of about 400 words, the same everywhere (fixed seed).
  gen=$work/generated
  if [[ ! -f $gen/story-2575.txt ]]; then
    mkdir -p "$gen"
    awk -v out="$gen" 'BEGIN {
      srand(12);
      split("Anna Baker,Tom Clarke,Maria Lopez,James Osei,Li Wei,Sarah Khan,David Miller,Priya Nair,John Evans,Fatima Ali", who, ",");
      split("the minister,the chief executive,the coach,the union leader,the judge,the mayor,the senator,the spokesman", role, ",");
      split("the company,the council,the club,the bank,the government,the court,the party,the hospital", org, ",");
      split("announced,rejected,approved,delayed,criticised,defended,cancelled,expanded", verb, ",");
      split("a new plan,the budget,the merger,the strike,the contract,the inquiry,the tax rise,the stadium,the election result,the film", thing, ",");
      split("London,Leeds,Chicago,Texas,Brussels,Washington,Glasgow,Ohio", place, ",");
      split("Monday,Tuesday,Wednesday,Thursday,Friday,last week,in March,in October", when, ",");
      for (s = 1; s <= 2575; s++) {
        f = sprintf("%s/story-%04d.txt", out, s);
        printf "%s %s %s\n\n", org[int(rand()*8)+1], verb[int(rand()*8)+1], thing[int(rand()*10)+1] > f;
        for (p = 1; p <= 12; p++) {
          printf "%s, %s, said %s %s %s %s in %s, after %d people had %s it.", who[int(rand()*10)+1], role[int(rand()*8)+1], org[int(rand()*8)+1], verb[int(rand()*8)+1], thing[int(rand()*10)+1], when[int(rand()*8)+1], place[int(rand()*8)+1], int(rand()*5000), verb[int(rand()*8)+1] > f;
          printf " \"We will look at %s again,\" %s said.\n\n", thing[int(rand()*10)+1], who[int(rand()*10)+1] > f;
        }
        close(f);
      }
    }'
  fi
  existing=("$gen")
  echo "no story folder given or found: using the generated library in $gen" >&2
fi

find "${existing[@]}" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) ! -name README.md -printf '%f\t%p\n' \
  | LC_ALL=C sort | cut -f2 > "$work/library.txt"
total=$(wc -l < "$work/library.txt")
echo "library: $total stories from ${existing[*]}" >&2

# start MODE N -> "wall_s rss_mb sentences index_ms"
start() {
  local semantic=$1 lib=$2 log=$work/start.log
  /usr/bin/time -f 'TIME %e %M' -o "$work/time.txt" "$bh/BotHost" ask "Who is the chief executive?" --seeds "$lib" \
    --Stories:Semantic "$semantic" --Logging:LogLevel:Default Information >/dev/null 2>"$log"
  local indexed
  indexed=$(grep -A1 'StoryIndexer\[2101\]' "$log" | grep -o 'Indexed .*' | head -1)
  awk -v i="$indexed" '/^TIME/ { split(i, w, " "); gsub(/[()]/, "", w[4]); printf "%s %.0f %s %s\n", $2, $3/1024, w[4], w[length(w)-1] }' "$work/time.txt"
}

# latency ARGS... -> "p50_ms p99_ms"
latency() {
  dotnet "$bench/BotHost.Benchmarks.dll" ask-latency "$@" --questions "$questions" \
    | awk '/p50/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "p50") a = $(i+1); if ($i == "p99") b = $(i+1) } printf "%.2f %.2f\n", a/1000, b/1000 }'
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| stories | sentences | start to ready, words | index build, words | peak RSS, words | ask p50 / p99, words | start to ready, meaning | index build, meaning | peak RSS, meaning | ask p50 / p99, meaning |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $sizes; do
  (( n > total )) && { echo "skipping $n: the library has $total stories" >&2; continue; }
  lib=$work/lib-$n
  rm -rf "$lib"; mkdir -p "$lib"
  head -n "$n" "$work/library.txt" | while IFS= read -r p; do ln -s "$p" "$lib/"; done
  read -r w_wall w_rss sentences w_ms < <(start false "$lib")
  read -r w_p50 w_p99 < <(latency "$calls" --stories "$lib")
  m_cells="— | — | — | —"
  if (( n <= meaning_up_to )); then
    read -r m_wall m_rss _ m_ms < <(start true "$lib")
    m_lat="—"
    if (( n <= meaning_latency_up_to )); then
      read -r m_p50 m_p99 < <(latency $(( calls / 5 )) --semantic --stories "$lib")
      m_lat="$m_p50 / $m_p99 ms"
    fi
    m_cells="$m_wall s | $(awk -v m="$m_ms" 'BEGIN { printf "%.1f", m/1000 }') s | $m_rss MB | $m_lat"
  fi
  echo "| $n | $sentences | $w_wall s | $(awk -v m="$w_ms" 'BEGIN { printf "%.1f", m/1000 }') s | $w_rss MB | $w_p50 / $w_p99 ms | $m_cells |"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
