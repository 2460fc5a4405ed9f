#!/usr/bin/env bash
# Short-call load against *43 with digest (issue 8, finding 11): sipp places RATE calls a second, TOTAL in all, each
# INVITE -> 407 -> ACK -> INVITE with credentials -> 200 -> ACK -> 2 s -> BYE, with no audio. Then it compares what the
# switch's log (Information) says: calls answered, calls ended and why, BYEs refused 481 "for no known dialog", and the
# RTP port pairs still in use when the switch stops (its shutdown line). Every answered call must end.
# Usage: short-call-load.sh [rate] [total]   (e.g. 600 6000; the machine is shared: run it sparingly)
set -euo pipefail
rate="${1:-600}"; total="${2:-6000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/softswitch-short-call-load-XXXXXX)"
# shellcheck source=lib.sh
source "$root/tests/Softswitch.Benchmarks/lib.sh"
port=$(free_udp_port)
build_switch
write_config Information
lift_single_source_limits
cat >> "$config" <<YAML
rtp:
  port_min: 20000
  port_max: 39998
YAML
start_switch
cd "$work"
# CAPTURE=1 keeps the load's SIP in sip.pcapng (to read the tags of a refused BYE's dialog).
if [ -n "${CAPTURE:-}" ]; then dumpcap -q -B 64 -i lo -f "udp port $port" -w "$work/sip.pcapng" >/dev/null 2>&1 & capture_pid=$!; sleep 1; fi
set +e
timeout $((total / rate + 120)) sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-short-call.xml" -i 127.0.0.1 -mi 127.0.0.1 \
  -p 0 -mp 40000 -nostdin -s '*43' -au 1001 -ap load-secret-1001 -auth_uri "*43@127.0.0.1:$port" -d 2000 -r "$rate" -m "$total" \
  -l $((rate * 10)) -timeout $((total / rate + 90))s -trace_stat -stf stats.csv -fd 5 "127.0.0.1:$port" > sipp.out 2>&1
code=$?
if [ -n "${CAPTURE:-}" ]; then kill -INT $capture_pid; wait $capture_pid || true; fi
set -e
# Calls that lost their dialog would still be up; give the rest time to finish, then stop the switch (SIGTERM).
sleep 3
kill -TERM $pid; wait $pid || true
trap - EXIT
ok=$(head -1 stats.csv | tr ';' '\n' | grep -n '^SuccessfulCall(C)$' | cut -d: -f1)
ko=$(head -1 stats.csv | tr ';' '\n' | grep -n '^FailedCall(C)$' | cut -d: -f1)
retrans=$(head -1 stats.csv | tr ';' '\n' | grep -n '^Retransmissions(C)$' | cut -d: -f1)
last=$(tail -1 stats.csv)
count() { grep -c "$1" "$work/softswitch.out" || true; }
echo "rate=$rate total=$total sipp_exit=$code succeeded=$(echo "$last" | cut -d';' -f"$ok") failed=$(echo "$last" | cut -d';' -f"$ko") retransmissions=$(echo "$last" | cut -d';' -f"$retrans")"
# A call still up when the switch stops is hung up by the drain after limits.shutdown_grace_seconds (30 s, longer than
# the 32 s a 200 waits for its ACK, counted from 3 s after the load): "switch shutting down" counts the calls whose
# caller had lost the dialog (leaked before the drain existed).
echo "answered=$(count ': echo answered') ended_by_caller=$(count 'echo call ended (normal, by the caller)') ended_no_ack=$(count 'echo call ended (failed, by the caller)') leaked_hung_up_at_stop=$(count 'echo call ended (shutdown, by the switch)') bye_481=$(count 'BYE for no known dialog') $(grep -o 'RTP port pairs in use at stop: [0-9]*' "$work/softswitch.out" | tr ' ' '_' || echo 'rtp_in_use=unknown')"
echo "log: $work/softswitch.out"
