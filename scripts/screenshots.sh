#!/usr/bin/env bash
# Makes screenshots/*.png from the real binary: runs `coproduce --demo` in tmux at a fixed
# clock, sends keys, captures each screen with its colours (capture-pane -e), and renders it
# with a terminal model (pyte) and DejaVu Sans Mono (Pillow). Run through `make screenshots`.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import pyte, PIL' 2>/dev/null || python3 -m pip install --quiet pyte pillow
bin="$(swift build --show-bin-path)/coproduce"
sock="coproduce-shots-$$"
out=screenshots
mkdir -p "$out"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT

wait_for() {  # wait until the screen contains $1 and stops changing
  local last="" now i
  for i in $(seq 1 200); do
    now="$(tm capture-pane -p -t 0)"
    if [[ "$now" == *"$1"* && "$now" == "$last" ]]; then return 0; fi
    last="$now"; sleep 0.05
  done
  echo "screenshots: timed out waiting for '$1'" >&2; return 1
}

shot() {  # shot NAME: capture the pane with colours and render it
  tm capture-pane -e -p -t 0 > "$out/$1.ans"
  python3 scripts/render_screenshot.py "$out/$1.ans" "$out/$1.png" "$2" "$3"
  rm "$out/$1.ans"
  echo "wrote $out/$1.png"
}

tm new-session -d -x 100 -y 30 -e LANG=C.UTF-8 -e TERM=xterm-256color \
  "COPRODUCE_NOW=2026-11-27T10:00 '$bin' --demo"
wait_for "Crèche headcounts"
shot main 100 30
tm send-keys -t 0 j j j Enter
wait_for "Barrier checks"
shot meeting-detail 100 30
tm send-keys -t 0 Escape
wait_for "Crèche headcounts"
tm send-keys -t 0 '?'
wait_for "Help: keys"
shot help 100 30
tm send-keys -t 0 Escape 2 Enter
wait_for "Parent Champions"
shot area-detail 100 30
tm send-keys -t 0 Escape 3 r
wait_for "Crèche register"
shot register 100 30
tm send-keys -t 0 Escape
wait_for "Crèche headcounts"
tm send-keys -t 0 R
wait_for "Meetings held (recorded as held"
shot report 100 30
tm send-keys -t 0 F j
wait_for "Story walks"
shot fund 100 30
tm send-keys -t 0 M
wait_for "Parent Approved Marketing"
shot marketing 100 30
tm send-keys -t 0 V
wait_for "Stated up front"
shot rewards 100 30
tm send-keys -t 0 T
wait_for "Actions from meetings"
shot actions 100 30
tm send-keys -t 0 O
wait_for "Today: what needs you"
shot today 100 30
tm send-keys -t 0 S Tab
wait_for "[Champions]"
shot setup 100 30
tm send-keys -t 0 Escape
wait_for "Crèche headcounts"
# The new-meeting form choosing a champion by part of the name.
tm send-keys -t 0 n
wait_for "New meeting"
tm send-keys -t 0 -l "Family hubs design"
tm send-keys -t 0 Tab Tab Tab Tab Tab Tab
tm send-keys -t 0 -l "Zoe Adams, ren"
wait_for "Renée Dubois"
shot meeting-form-pick 100 30
tm send-keys -t 0 Escape y
wait_for "Crèche headcounts"
# A held meeting's record: who came, decisions and actions a row each.
tm send-keys -t 0 P Enter
wait_for "Barrier checks"
tm send-keys -t 0 h
wait_for "Record:"
tm send-keys -t 0 Tab Tab Tab Tab Tab
tm send-keys -t 0 -l "Saturday sessions to be tried in Kursaal"
tm send-keys -t 0 Tab
tm send-keys -t 0 -l "Book the hall"
tm send-keys -t 0 Tab
tm send-keys -t 0 -l "Office"
tm send-keys -t 0 Tab
tm send-keys -t 0 -l "10/12/2026"
tm send-keys -t 0 C-n
tm send-keys -t 0 -l "Tell parents in the group chat"
tm send-keys -t 0 Tab
tm send-keys -t 0 -l "pri"
wait_for "Priya Shah"
shot record-form 100 30
tm send-keys -t 0 Escape y
wait_for "Barrier checks"
tm send-keys -t 0 Escape P
wait_for "Crèche headcounts"
tm resize-window -t 0 -x 80 -y 24
wait_for "Crèche headcounts"
shot main-80x24 80 24
# A Parent Champion's own screen: You and Your child in words, no codes or ratios.
tm send-keys -t 0 U
wait_for "PIN or passphrase"
tm send-keys -t 0 -l "Zoe Adams"
tm send-keys -t 0 Tab
tm send-keys -t 0 -l "1234"
tm send-keys -t 0 Enter
# Her Today comes first; Esc goes on to her main screen.
wait_for "for Zoe Adams"
shot champion-today-80x24 80 24
tm send-keys -t 0 Escape
wait_for "My meetings"
shot champion-80x24 80 24
tm send-keys -t 0 q

# The plain mode a screen reader reads: one list at a time, every row a sentence (a server of
# its own, so it starts while the last one is still ending).
tm kill-server 2>/dev/null || true
sock="$sock-plain"
tm new-session -d -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=xterm-256color \
  "COPRODUCE_NOW=2026-11-27T10:00 '$bin' --demo --plain"
wait_for "Upcoming meetings, 1 of"
shot plain-80x24 80 24
tm send-keys -t 0 q

# One page of the papers parents are sent, printed by headless Chromium and cut to PNG.
tmp="$(mktemp -d)"
COPRODUCE_NOW=2026-11-27T10:00 "$bin" init --demo --db "$tmp/demo.sqlite" >/dev/null
id="$(COPRODUCE_NOW=2026-11-27T10:00 "$bin" meetings list --db "$tmp/demo.sqlite" --from 07/01/2027 --limit 3 2>/dev/null \
      | grep 'Service Design: Speech and language' | awk '{print $1}')"
COPRODUCE_NOW=2026-11-27T10:00 "$bin" papers "$id" --db "$tmp/demo.sqlite" --out "$tmp/papers.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$tmp/chromium" \
  --print-to-pdf="$tmp/papers.pdf" "file://$tmp/papers.html" >/dev/null 2>&1
pdftoppm -r 60 -png -f 2 -l 2 "$tmp/papers.pdf" "$tmp/page"
cp "$tmp"/page-*2.png "$out/papers-page-2.png"
rm -rf "$tmp"
echo "wrote $out/papers-page-2.png"
