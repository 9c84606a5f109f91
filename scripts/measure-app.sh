#!/usr/bin/env bash
# Opens the app on a folder of generated articles under a private Xvfb display
# and reports how long the first article took to appear, how long until every
# article was extracted, and the app's resident memory (from /proc/PID/status).
#
# usage: scripts/measure-app.sh [--articles N] [--dir DIR] [--bin PATH] [--runs R] [--records]
#   --articles N  how many generated articles (default 10000)
#   --dir DIR     use (or fill, if empty) this folder instead of a temporary one
#   --bin PATH    the app to run (default target/release/ofsted-curator, built if missing)
#   --runs R      measure R times and print every run (default 1)
#   --records     open the folder with a record beside each article (written
#                 by `extract` first where missing), as when a curated folder
#                 is opened again: each record is read as well as extracted
# Needs Xvfb (apt-get install xvfb); the app draws with software OpenGL.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=10000; dir=""; bin=target/release/ofsted-curator; runs=1; records=no
while [ $# -gt 0 ]; do
  case $1 in
    --articles) articles=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --records) records=yes; shift ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
command -v Xvfb >/dev/null || { echo "measure-app.sh: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d); xpid=""; apid=""
cleanup() {
  [ -n "$apid" ] && kill -KILL "$apid" 2>/dev/null
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$dir" ]; then dir=$work/articles; fi
if [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
  cargo run --quiet --release --example generate_articles -- "$dir" "$articles"
fi
# Records beside the articles are read as well: a run measures either a
# folder without any or, with --records, one with every record there.
if [ $records = yes ]; then
  "$bin" extract "$dir" >/dev/null || { echo "measure-app.sh: extract could not write the records" >&2; exit 1; }
elif find "$dir" -name '*.curation.json' | grep -q .; then
  echo "measure-app.sh: $dir holds records; use a folder of articles only, or --records" >&2; exit 1
fi

Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp -noreset 3>"$work/disp" 2>"$work/xvfb.log" &
xpid=$!
for _ in $(seq 100); do [ -s "$work/disp" ] && break; sleep 0.1; done
[ -s "$work/disp" ] || { echo "measure-app.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$work/disp")" LIBGL_ALWAYS_SOFTWARE=1 XDG_SESSION_TYPE=x11
unset WAYLAND_DISPLAY WAYLAND_SOCKET
# A private home, so that settings and drafts of other runs play no part.
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
mkdir -p "$HOME"

kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$apid/status"; }
# CPU time the app has used (user + system), in ms: less swayed than wall
# time by other work on the machine.
tick=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$tick" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t)}' "/proc/$apid/stat"; }
echo "app: $bin on $(find "$dir" -type f ! -name '*.curation.json' | wc -l) articles in $dir (records: $records)"
for run in $(seq "$runs"); do
  log=$work/app-$run.log
  : >"$log"
  start=$(date +%s%3N)
  OFSTED_CURATOR_MILESTONES=1 "$bin" "$dir" 2>"$log" >/dev/null &
  apid=$!
  deadline=$((SECONDS + 120))
  until grep -q 'milestone all-extracted' "$log"; do
    kill -0 "$apid" 2>/dev/null || { cat "$log" >&2; echo "measure-app.sh: the app exited" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "measure-app.sh: not all extracted within 120 s" >&2; exit 1; }
    sleep 0.05
  done
  rss_done=$(kb VmRSS); cpu=$(cpu_ms)
  sleep 3  # a few frames later: the queue and the status bar settle
  rss_after=$(kb VmRSS); peak=$(kb VmHWM)
  first=$(awk '/milestone first-article-shown/ {print $4}' "$log")
  all=$(awk '/milestone all-extracted/ {print $4}' "$log")
  frames=$(sed -n 's/.*milestone all-extracted.*frames=\([0-9]*\).*/\1/p' "$log")
  longest=$(sed -n 's/.*milestone all-extracted.*longest-frame-ms=\([0-9]*\).*/\1/p' "$log")
  [ -n "$first" ] || { echo "measure-app.sh: the first article was never shown" >&2; exit 1; }
  printf 'run %s: first article shown %5d ms, all extracted %5d ms (CPU %5d ms, %s frames, longest %s ms), RSS %d MB when done, %d MB 3 s later, peak %d MB (load %s)\n' \
    "$run" $((first - start)) $((all - start)) "$cpu" "${frames:-?}" "${longest:-?}" $((rss_done / 1024)) $((rss_after / 1024)) $((peak / 1024)) \
    "$(cut -d' ' -f1 /proc/loadavg)"
  kill -KILL "$apid" 2>/dev/null; wait "$apid" 2>/dev/null || true; apid=""
done
