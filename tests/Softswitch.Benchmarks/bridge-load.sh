#!/usr/bin/env bash
# Load: bridged calls between two extensions (issue 9). sipp calls 1002 as 1001 with digest (INVITE -> 407 -> ACK ->
# INVITE with credentials), a sipp UAS registered as 1002 rings and answers at once (180, 200), the caller holds the
# call CALL_MS (2 s) without audio and hangs up; the switch passes the BYE on. Each rate of the list is held SECONDS
# (60) against a switch started afresh with the shipped defaults (plus the limits below), and reports: calls placed and
# failed (sipp's FailedCall, both sides), the switch's CPU (% of one core over the run, and CPU µs per call: both legs,
# set-up to BYE), its RSS half-way, and the authenticated INVITE to 180 and to 200 as the caller sees it (p50/p99).
# The list stops after the first rate with a failed call (KEEP_GOING=1 runs them all).
# Usage: bridge-load.sh ["100 200 300 ..."] [seconds]   (e.g. "100 200 300 400 500 600 700" 60; takes a quiet machine)
# PIN=1 puts the switch on CPU 0 and both sipps on CPU 1. GC_TRACE=1 lists the switch's garbage collections of each
# run (gc-RATE.txt); ALLOC_TRACE=1 totals what it allocates and samples it by type (allocs-RATE.txt); ALLOC_STACKS=1 groups
# the samples by the code that allocated (alloc-stacks-RATE.txt; slows the switch). All need
# `dotnet build tests/Softswitch.Benchmarks -c Release`.
set -euo pipefail
rates="${1:-100 200 300 400 500 600 700}"; hold="${2:-60}"; call_ms="${CALL_MS:-2000}"
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/tests/Softswitch.Benchmarks"
base="$(mktemp -d /tmp/softswitch-bridge-load-XXXXXX)"
work="$base"
# shellcheck source=lib.sh
source "$bench/lib.sh"
build_switch
tools="$bench/bin/Release/net10.0/Softswitch.Benchmarks.dll"

# Set-up on the wire, from the capture: the caller's authenticated INVITE (CSeq 2) to the switch's 180 and 200 for it,
# and, on the leg the switch dials, its INVITE to the phone's 180 and 200 (sipp's part, included in the first).
wire_setup() {
  tshark -r "$1/sip.pcapng" -Y sip -T fields -e frame.time_epoch -e sip.Call-ID -e sip.CSeq.seq -e sip.CSeq.method \
    -e sip.Status-Code 2>/dev/null > "$1/sip.tsv" || true
  python3 - "$1/sip.tsv" "$bench" <<'PY'
import collections, sys
sys.path.insert(0, sys.argv[2]); from load_stats import percentiles
first = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    parts = line.rstrip('\n').split('\t')
    if len(parts) < 5 or parts[3] != 'INVITE': continue
    when, call, cseq, status = float(parts[0]), parts[1], parts[2], parts[4] or 'request'
    first[call].setdefault((cseq, status), when)
# The caller's calls are the ones with a CSeq 2 INVITE (after the 407); the switch's own INVITEs to 1002 use CSeq 1.
callee = {k: v for k, v in first.items() if ('2', 'request') not in v}
out = []
for name, cseq, status, source in [('wire_invite_180_ms', '2', '180', None), ('wire_invite_200_ms', '2', '200', None),
                                   ('phone_invite_180_ms', '1', '180', callee), ('phone_invite_200_ms', '1', '200', callee)]:
    pool = source if source is not None else first
    values = [1000 * (s[(cseq, status)] - s[(cseq, 'request')]) for s in pool.values() if (cseq, 'request') in s and (cseq, status) in s]
    p50, p99, most = percentiles(values, 3)
    out.append(f"{name}_p50={p50} p99={p99} max={most} n={len(values)}")
print(' '.join(out))
PY
}

# One rate against a fresh switch in $base/rRATE (its own database: no registration left from the rate before).
run_rate() {
  local rate=$1 total=$(( $1 * hold ))
  work="$base/r$rate"; mkdir -p "$work"; ln -s "$base/bin" "$work/bin"
  # Two port pairs a call: at 700 calls/s some 1,500 calls are up at once (3,000 of the 5,000 pairs, 12,000 sockets).
  # Not more: each pair is two sockets, and 10,000 pairs would pass this machine's 20,000 open files (ulimit -n), where
  # the switch aborted ("Out of memory.") in an overloaded run. max_calls at 2,499 refuses (503) before the pairs run out.
  start_bridge_switch 29998 --limits:max_calls=2499
  local callee_port; callee_port=$(free_udp_port)
  register_from_port 1002 load-secret-1002 "$callee_port" || { echo "REGISTER 1002 failed: $work/register-1002.out"; return 1; }
  cd "$work"
  $load_cpus sipp -sf "$bench/bridge-callee.xml" -i 127.0.0.1 -mi 127.0.0.1 -p "$callee_port" -mp 45000 -nostdin \
    -timeout $((hold + 120))s -trace_stat -stf callee-stats.csv -fd 5 > callee.out 2>&1 &
  local callee_pid=$!
  sleep 0.5
  local trace_pids=()
  if [ -n "${GC_TRACE:-}" ]; then dotnet "$tools" gctrace "$pid" $((hold + 5)) > "$base/gc-$rate.txt" 2>&1 & trace_pids+=($!); fi
  if [ -n "${ALLOC_TRACE:-}" ]; then dotnet "$tools" alloctrace "$pid" $((hold + 5)) > "$base/allocs-$rate.txt" 2>&1 & trace_pids+=($!); fi
  if [ -n "${ALLOC_STACKS:-}" ]; then
    dotnet "$tools" allocstacks "$pid" $((hold + 5)) 60 "$work/allocs.nettrace" > "$base/alloc-stacks-$rate.txt" 2>&1 & trace_pids+=($!)
  fi
  [ ${#trace_pids[@]} -gt 0 ] && sleep 2
  # At the rates in CAPTURE_RATES (200) the SIP is captured too: set-up as it crosses the wire, to the microsecond
  # (sipp's own response times tick in 4 ms steps and include its scheduling).
  local capture_pid=""
  if [[ " ${CAPTURE_RATES-200} " == *" $rate "* ]]; then
    $load_cpus dumpcap -q -B 64 -i lo -f "udp port $port" -w "$work/sip.pcapng" >/dev/null 2>&1 & capture_pid=$!
    sleep 1
  fi
  local a; a=$(cpu_ticks "$pid"); local started; started=$(date +%s.%N)
  set +e
  $load_cpus sipp -sf "$bench/bridge-caller.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 -mp 40000 -nostdin \
    -s 1002 -au 1001 -ap load-secret-1001 -auth_uri "1002@127.0.0.1:$port" -d "$call_ms" -r "$rate" -m "$total" \
    -l $((rate * 10)) -recv_timeout 10000 -timeout $((hold + 90))s -trace_stat -stf stats.csv -fd 5 -trace_rtt -rtt_freq 1 \
    "127.0.0.1:$port" > sipp.out 2>&1 &
  local caller_pid=$!
  sleep $((hold / 2))
  local rss; rss=$(ps -o rss= -p "$pid")
  # The load generators' own CPU (% of one core so far): on two cores they compete with the switch.
  local sipp_cpu; sipp_cpu="caller_sipp_cpu_pct=$(python3 -c "print(round($(cpu_ticks $caller_pid) / ($hold / 2), 1))") callee_sipp_cpu_pct=$(python3 -c "print(round($(cpu_ticks $callee_pid) / ($hold / 2 + 0.5), 1))")"
  wait $caller_pid; local code=$?
  set -e
  local b; b=$(cpu_ticks "$pid"); local wall; wall=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  sleep 1
  if [ -n "$capture_pid" ]; then kill -INT "$capture_pid"; wait "$capture_pid" || true; fi
  kill -INT "$callee_pid" 2>/dev/null; wait "$callee_pid" 2>/dev/null || true
  for p in "${trace_pids[@]}"; do wait "$p" || true; done
  kill -TERM "$pid"; wait "$pid" || true
  local ended; ended=$(grep -c ' call ended (' softswitch.out || true)
  python3 - "$work" "$bench" "$rate" "$total" "$code" "$a" "$b" "$wall" "$rss" "$ended" "$sipp_cpu" <<'PY' | tee -a "$base/results.txt"
import glob, sys
work, bench = sys.argv[1], sys.argv[2]
sys.path.insert(0, bench); from load_stats import percentiles, sipp_counts, rtd_times
rate, total, code, a, b, wall, rss, ended, sipp_cpu = sys.argv[3:]
ok, failed, retrans = sipp_counts(work + '/stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)', 'Retransmissions(C)')
_, callee_failed = sipp_counts(work + '/callee-stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)')
times = rtd_times(glob.glob(work + '/*_rtt.csv'))
ring = percentiles(times.get('1', []))
answer = percentiles(times.get('2', []))
ticks, wall = int(b) - int(a), float(wall)
print(f"rate={rate} calls={total} sipp_exit={code} succeeded={ok} failed={failed} callee_failed={callee_failed} "
      f"retransmissions={retrans} switch_calls_ended={ended} cpu_pct={round(ticks / wall, 1)} "
      f"cpu_us_per_call={round(ticks * 10000 / max(1, ok))} rss_mid_kib={rss.strip()} "
      f"invite_180_ms_p50={ring[0]} p99={ring[1]} max={ring[2]} invite_200_ms_p50={answer[0]} p99={answer[1]} max={answer[2]} "
      f"{sipp_cpu}")
PY
  if [ -n "$capture_pid" ]; then wire_setup "$work" | tee -a "$base/results.txt"; fi
  trap - EXIT
  cd "$base"
  [ "$code" -eq 0 ] && grep "^rate=$rate " "$base/results.txt" | tail -1 | grep -q "failed=0 callee_failed=0"
}

for rate in $rates; do
  if ! run_rate "$rate" && [ -z "${KEEP_GOING:-}" ]; then echo "stopped after rate $rate (failed calls; logs under $base/r$rate)"; break; fi
done
echo "results: $base/results.txt"
