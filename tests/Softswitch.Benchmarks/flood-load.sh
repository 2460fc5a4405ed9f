#!/usr/bin/env bash
# Load: an unauthenticated INVITE flood (sipp, invite-flood.xml) from FLOOD_ADDRS source addresses (127.0.0.2, .3, ...)
# against the real switch with the shipped log level, while the legitimate phone 1001 on 127.0.0.1 places short *43 calls
# (echo-short.xml, GOOD_RATE calls/s, default 2: each lasts 1 s and limits.max_calls_per_extension is 4). Prints the flood sent and answered, the good phone's calls, the switch's own CPU
# time per flood request (utime+stime from /proc over the flood), and its memory before, during and after.
# Usage: flood-load.sh [total flood rate/s] [seconds]      SWITCH_ARGS="--security:key=value ..." adds overrides.
set -euo pipefail
rate="${1:-4000}"; seconds="${2:-30}"
addrs="${FLOOD_ADDRS:-1}"; good_rate="${GOOD_RATE:-2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/Softswitch.Benchmarks"
work="$(mktemp -d /tmp/softswitch-flood-XXXXXX)"
# shellcheck source=lib.sh
source "$root/tests/Softswitch.Benchmarks/lib.sh"
port=$(free_udp_port)
build_switch
write_config "${LOAD_LOG_LEVEL:-Information}"
# shellcheck disable=SC2086
start_switch ${SWITCH_ARGS:-}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss() { ps -o rss= -p "$1" | tr -d ' '; }
hz=$(getconf CLK_TCK)
cd "$work"
rss_before=$(rss $pid)

good_calls=$(( (seconds + 4) * good_rate ))
sipp -sf "$here/echo-short.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 -mp 0 -nostdin -s '*43' -au 1001 -ap load-secret-1001 \
  -auth_uri "*43@127.0.0.1:$port" -r "$good_rate" -m "$good_calls" -l 100 -timeout $((seconds + 60))s \
  -trace_stat -stf good.csv -fd 1 "127.0.0.1:$port" > good.out 2>&1 &
good=$!
sleep 2

ticks_start=$(ticks $pid); start=$(date +%s.%N)
pids=()
per_proc=$(( rate / addrs ))
for i in $(seq "$addrs"); do
  sipp -sf "$here/invite-flood.xml" -i "127.0.0.$((i + 1))" -mi "127.0.0.$((i + 1))" -p 0 -nostdin -s '*43' \
    -r "$per_proc" -m $(( per_proc * seconds )) -l 20000 -recv_timeout 2000 -timeout $((seconds + 30))s \
    -trace_stat -stf "flood$i.csv" -fd 1 "127.0.0.1:$port" > "flood$i.out" 2>&1 &
  pids+=($!)
done
sleep $(( seconds / 2 ))
rss_during=$(rss $pid)
for p in "${pids[@]}"; do wait "$p" || true; done
end=$(date +%s.%N); ticks_end=$(ticks $pid)
wait $good || true
sleep 5
rss_after=$(rss $pid)

# Last line of a sipp -trace_stat CSV, column by name.
column() { local file=$1 name=$2 index; index=$(head -1 "$file" | tr ';' '\n' | grep -n "^$name\$" | cut -d: -f1); tail -1 "$file" | cut -d';' -f"$index"; }
sent=0; answered=0; unanswered=0
for i in $(seq "$addrs"); do
  sent=$((sent + $(column "flood$i.csv" 'TotalCallCreated')))
  answered=$((answered + $(column "flood$i.csv" 'SuccessfulCall(C)')))
  unanswered=$((unanswered + $(column "flood$i.csv" 'FailedCall(C)')))
done
good_ok=$(column good.csv 'SuccessfulCall(C)'); good_failed=$(column good.csv 'FailedCall(C)')
python3 - "$sent" "$answered" "$unanswered" "$start" "$end" "$ticks_start" "$ticks_end" "$hz" "$good_ok" "$good_failed" \
  "$rss_before" "$rss_during" "$rss_after" "$addrs" <<'PY'
import sys
sent, answered, unanswered = map(int, sys.argv[1:4])
start, end = float(sys.argv[4]), float(sys.argv[5])
cpu = (int(sys.argv[7]) - int(sys.argv[6])) / int(sys.argv[8])
good_ok, good_failed = int(sys.argv[9]), int(sys.argv[10])
before, during, after, addrs = map(int, sys.argv[11:15])
elapsed = end - start
print(f"flood: {addrs} address(es), {sent} INVITEs in {elapsed:.1f} s = {sent/elapsed:.0f}/s; challenged {answered}, unanswered {unanswered}")
print(f"switch CPU during the flood: {cpu:.2f} s = {100*cpu/elapsed:.0f}% of a core, {1e6*cpu/max(sent,1):.1f} us per flood INVITE")
total = good_ok + good_failed
print(f"good phone: {good_ok} of {total} calls to *43 completed ({100*good_ok/max(total,1):.2f} %)")
print(f"switch RSS: before {before//1024} MiB, during {during//1024} MiB, 5 s after {after//1024} MiB")
PY
grep -ciE "banned|rate" data/logs/*.log | sed 's/^/log lines naming bans or rates: /' || true
echo "work folder: $work"
