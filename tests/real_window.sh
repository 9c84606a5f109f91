#!/usr/bin/env bash
# The gesture that matters most, in a real window: the app runs under Xvfb on
# an article of ours, the headline field is selected with J, words of the
# article are selected with a mouse drag, E makes them the headline's
# evidence, Ctrl+S saves (answering the first-run name prompt), and the
# record on disk must hold the new evidence and the curator's name.
#
# usage: tests/real_window.sh [BINARY]   (default: target/debug/ofsted-curator)
# Installs Xvfb and xdotool when missing (Debian, as root). Exit 0 on success.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/debug/ofsted-curator}
[ -x "$bin" ] || { echo "real_window: no binary at $bin (run cargo test first)" >&2; exit 1; }

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v python3 >/dev/null || need+=(python3)
ls /usr/lib/*/dri/swrast_dri.so >/dev/null 2>&1 || need+=(libgl1-mesa-dri)
ldconfig -p | grep -q libEGL.so.1 || need+=(libegl1)
ldconfig -p | grep -q libxkbcommon-x11.so.0 || need+=(libxkbcommon-x11-0)
if [ ${#need[@]} -gt 0 ]; then
  echo "real_window: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; } >/dev/null \
    || { echo "real_window: could not install ${need[*]}" >&2; exit 1; }
fi

work=$(mktemp -d)
xpid=""; apid=""
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null || true
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "real_window: $*" >&2
  if command -v import >/dev/null; then
    import -display ":$disp" -window root "${TMPDIR:-/tmp}/real_window_failure.png" 2>/dev/null \
      && echo "real_window: screen saved to ${TMPDIR:-/tmp}/real_window_failure.png" >&2
  fi
  echo "--- app output" >&2; tail -20 "$work/app.log" >&2 || true
  echo "--- Xvfb output" >&2; tail -5 "$work/xvfb.log" >&2 || true
  exit 1
}

mkdir -p "$work/articles" "$work/data" "$work/config"
cat >"$work/articles/kent.txt" <<'EOF'
Kent children's services rated good after a three-week inspection

By Sam Example

Inspectors rated the children's services of Kent County Council good in August 2018,
and said that leaders had a firm grip on the quality of frontline work.
EOF

Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xpid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
disp=$(head -n1 "$work/display")
[ -n "$disp" ] || fail "Xvfb did not start"
export DISPLAY=":$disp" LIBGL_ALWAYS_SOFTWARE=1 XDG_SESSION_TYPE=x11
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
unset WAYLAND_DISPLAY
# The display number is written before the server takes connections.
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb takes no connections"

"$bin" "$work/articles" >"$work/app.log" 2>&1 &
apid=$!
win=""
for _ in $(seq 120); do
  win=$(xdotool search --onlyvisible --pid "$apid" 2>/dev/null | head -n1) && [ -n "$win" ] && break
  sleep 0.5
done
[ -n "$win" ] || fail "no window appeared"
sleep 3 # the article is loaded and drawn
# There is no window manager: give the window the keyboard.
timeout 3 xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" 2>/dev/null || true
eval "$(xdotool getwindowgeometry --shell "$win")" # X, Y of the window
at() { echo $((X + $1)) $((Y + $2)); }

# J selects the headline field; drag over "Kent children's services" on the
# article's first line; E; Ctrl+S; the name prompt; Enter.
# Without a window manager the keyboard goes to the window under the pointer.
read -r cx cy < <(at 600 400)
xdotool mousemove "$cx" "$cy"
sleep 0.3
xdotool key j
sleep 0.5
read -r x1 y1 < <(at 290 101)
read -r x2 y2 < <(at 470 101)
xdotool mousemove "$x1" "$y1" mousedown 1
for x in $(seq "$x1" 30 "$x2") "$x2"; do xdotool mousemove "$x" "$y2"; sleep 0.05; done
xdotool mouseup 1
sleep 0.5
xdotool key e
sleep 0.5
xdotool key ctrl+s
sleep 1
xdotool type --delay 20 "Jo Bloggs"
xdotool key Return
record="$work/articles/kent.txt.curation.json"
for _ in $(seq 50); do [ -s "$record" ] && break; sleep 0.2; done
[ -s "$record" ] || fail "no record was saved"

python3 - "$record" "$work/articles/kent.txt" <<'EOF' || fail "the record does not hold the new evidence"
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
first_line = len(text.split("\n", 1)[0])
headline = record["article"]["headline"]
(start, end), = headline["evidence"]
assert start == 0 and 3 < end < first_line, f"evidence {start}-{end} of a {first_line}-char line"
assert headline["origin"] == "edited", headline
assert record["curator"] == "Jo Bloggs", record["curator"]
assert record["status"] == "in_progress", record["status"]
print(f"real_window: ok, the headline's evidence is {text[start:end]!r}, saved by {record['curator']}")
EOF
