#!/bin/sh
# The batch commands at scale 10 (100,000 meetings, 1,000,000 bookings) beside sqlite3's own
# dump of the meeting table, in the same run: elapsed seconds and peak memory of each, from
# /usr/bin/time; the meetings export and the dump in turns, three times, with their ratios.
# Run by `make bench` after the screen benchmark; BENCHMARKS.md has the figures.
#
#   scripts/bench-batch.sh BIN_DIR [WORK_DIR]
#
# The database is generated once into WORK_DIR (default .build/bench-batch; about two
# minutes) and kept for later runs. COPRODUCE_BENCH_SCALE sets another scale.
set -eu
bin="$1"
work="${2:-.build/bench-batch}"
scale="${COPRODUCE_BENCH_SCALE:-10}"
mkdir -p "$work"
chmod 700 "$work"
db="$work/large-x$scale.sqlite"
if [ ! -f "$db" ]; then
    echo "Generating the large demo at scale $scale into $db (once; about two minutes at scale 10)..."
    "$bin/coproduce" init --demo --demo-size large --demo-scale "$scale" --db "$db" >/dev/null
    sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
fi
meetings=$(sqlite3 "$db" "SELECT COUNT(*) FROM meeting")
bookings=$(sqlite3 "$db" "SELECT COUNT(*) FROM booking")
echo "Batch commands on $meetings meetings and $bookings bookings (release build):"
printf '%-52s %9s %10s\n' "command" "seconds" "peak MB"
measure() {
    label="$1"
    shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
        echo "$label failed:" >&2
        cat "$work/err.txt" >&2
        exit 1
    }
    read -r seconds kilobytes <"$work/time.txt"
    printf '%-52s %9s %10s\n' "$label" "$seconds" "$(awk "BEGIN { printf \"%.1f\", $kilobytes / 1024 }")"
}
rm -f "$work"/export.csv "$work"/export.ics
# The export against the floor, in turns, COPRODUCE_BENCH_RUNS times (default 3): this shared
# machine's noise moves one run by half, so each pair's ratio is printed and then their median.
runs="${COPRODUCE_BENCH_RUNS:-3}"
ratios=""
for run in $(seq "$runs"); do
    measure "sqlite3 -csv of the meeting table (the floor), run $run" sqlite3 -csv "$db" "SELECT * FROM meeting"
    floor="$seconds"
    rm -f "$work/export.csv"
    measure "coproduce export csv meetings (with checks), run $run" "$bin/coproduce" export csv meetings --db "$db" --out "$work/export.csv"
    ratio=$(awk "BEGIN { printf \"%.1f\", $seconds / $floor }")
    ratios="$ratios $ratio"
    printf '%-52s %9s\n' "  export / sqlite3, run $run" "${ratio}x"
done
printf '%-52s %9s\n' "  export / sqlite3, median of $runs" "$(echo $ratios | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) "x" }')"
measure "coproduce report (the last 365 days)" "$bin/coproduce" report --db "$db"
measure "coproduce export ics (every meeting, 2020-2030)" "$bin/coproduce" export ics --from 01/01/2020 --to 31/12/2030 --db "$db" --out "$work/export.ics"
measure "coproduce check (next 56 days)" sh -c "'$bin/coproduce' check --db '$db' || [ \$? -eq 1 ]"
measure "coproduce retention report" "$bin/coproduce" retention report --db "$db"
rm -rf "$work/all"
measure "coproduce export all (every table and the calendar)" "$bin/coproduce" export all --db "$db" --out "$work/all"
rm -rf "$work/all" "$work"/export.csv "$work"/export.ics "$work/out.txt"
