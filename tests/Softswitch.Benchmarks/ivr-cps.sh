#!/usr/bin/env bash
# Load: calls per second into the demo IVR (issue 10). sipp calls 500 as 1001 with digest (INVITE -> 407 -> ACK ->
# INVITE with credentials), the flow answers and plays its welcome prompt, and the caller hangs up after CALL_MS (2 s).
# Each rate of the list is held SECONDS (60) against a switch started afresh with the shipped defaults (plus the
# limits below) and reports: calls placed and failed (sipp's FailedCall), the calls the switch saw end, its CPU (% of one
# core over the run, and CPU µs per call, set-up to BYE), its RSS half-way, and the authenticated INVITE to 200 as the
# caller sees it (p50/p99). The list stops after the first rate with a failed call (KEEP_GOING=1 runs them all).
# Usage: ivr-cps.sh ["RATES"] [SECONDS]   (e.g. "200 400 600 800" 60; takes a quiet machine)
# PIN=1 puts the switch on CPU 0 and sipp on CPU 1.
set -euo pipefail
rates="${1:-200 400 600 800}"; hold="${2:-60}"; call_ms="${CALL_MS:-2000}"
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/tests/Softswitch.Benchmarks"
base="$(mktemp -d /tmp/softswitch-ivr-cps-XXXXXX)"
work="$base"
# shellcheck source=lib.sh
source "$bench/lib.sh"
# shellcheck source=ivr-lib.sh
source "$bench/ivr-lib.sh"
build_switch

# One rate against a fresh switch in $base/rRATE (its own database and flows).
run_rate() {
  local rate=$1 total=$(( $1 * hold ))
  work="$base/r$rate"; mkdir -p "$work"; ln -s "$base/bin" "$work/bin"
  port=$(free_udp_port)
  write_config "${LOAD_LOG_LEVEL:-Information}"
  lift_single_source_limits
  add_demo_ivr
  start_switch "${ivr_route[@]}"
  cd "$work"
  local a; a=$(cpu_ticks "$pid"); local started; started=$(date +%s.%N)
  set +e
  $load_cpus sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-short-call.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 -mp 40000 \
    -nostdin -s 500 -au 1001 -ap load-secret-1001 -auth_uri "500@127.0.0.1:$port" -d "$call_ms" -r "$rate" -m "$total" \
    -l $((rate * 10)) -recv_timeout 10000 -timeout $((hold + 90))s -trace_stat -stf stats.csv -fd 5 -trace_rtt -rtt_freq 1 \
    "127.0.0.1:$port" > sipp.out 2>&1 &
  local caller_pid=$!
  sleep $((hold / 2))
  local rss; rss=$(ps -o rss= -p "$pid")
  local sipp_cpu; sipp_cpu="sipp_cpu_pct=$(python3 -c "print(round($(cpu_ticks $caller_pid) / ($hold / 2), 1))")"
  wait $caller_pid; local code=$?
  set -e
  local b; b=$(cpu_ticks "$pid"); local wall; wall=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  sleep 1
  kill -TERM "$pid"; wait "$pid" || true
  trap - EXIT
  local ended; ended=$(grep -c 'call ended (normal, by the caller)' softswitch.out || true)
  python3 - "$work" "$bench" "$rate" "$total" "$code" "$a" "$b" "$wall" "$rss" "$ended" "$sipp_cpu" <<'PY' | tee -a "$base/results.txt"
import glob, sys
work, bench = sys.argv[1], sys.argv[2]
sys.path.insert(0, bench); from load_stats import percentiles, sipp_counts, rtd_times
rate, total, code, a, b, wall, rss, ended, sipp_cpu = sys.argv[3:]
ok, failed, retrans = sipp_counts(work + '/stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)', 'Retransmissions(C)')
answer = percentiles(rtd_times(glob.glob(work + '/*_rtt.csv')).get('1', []))
ticks, wall = int(b) - int(a), float(wall)
print(f"rate={rate} calls={total} sipp_exit={code} succeeded={ok} failed={failed} retransmissions={retrans} "
      f"switch_calls_ended_by_caller={ended} cpu_pct={round(ticks / wall, 1)} cpu_us_per_call={round(ticks * 10000 / max(1, ok))} "
      f"rss_mid_kib={rss.strip()} invite_200_ms_p50={answer[0]} p99={answer[1]} max={answer[2]} {sipp_cpu}")
PY
  cd "$base"
  [ "$code" -eq 0 ] && grep "^rate=$rate " "$base/results.txt" | tail -1 | grep -q " failed=0 "
}

for rate in $rates; do
  if ! run_rate "$rate" && [ -z "${KEEP_GOING:-}" ]; then echo "stopped after rate $rate (failed calls; logs under $base/r$rate)"; break; fi
done
echo "results: $base/results.txt"
