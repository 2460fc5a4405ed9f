#!/usr/bin/env bash
# Load: queue calls per second end to end (issue 11). sipp calls the queue route 610 as 1001 with digest (INVITE -> 407
# -> ACK -> INVITE with credentials); the switch answers it into the queue with music and offers it to the longest-idle
# agent; the agents are one sipp UAS registered as AGENTS extensions (2000 up; 3 x the rate unless told, at least 20)
# that answers at once, talks TALK_MS (2 s) and hangs up; the switch then hangs up the caller, whose sipp call succeeds
# on that BYE. Each rate of the list is held SECONDS (60) against a switch started afresh with the shipped defaults
# (plus the limits below), and reports: calls placed and failed (sipp's FailedCall, callers and agents), the calls rows
# that say answered (queue_result) and the others, the longest wait for an agent (wait_seconds, whole seconds), the
# switch's CPU (% of one core over the run, and CPU µs per queue call: the caller's and the agent's legs, set-up to
# BYE), its RSS half-way, and the authenticated INVITE to 200 (the queue answering) as the caller sees it (p50/p99).
# The list stops after the first rate with a failed call (KEEP_GOING=1 runs them all).
# Usage: acd-queue-cps.sh ["RATES"] [SECONDS]   (e.g. "50 100 200 300 400" 60; takes a quiet machine)
# PIN=1 puts the switch on CPU 0 and both sipps on CPU 1.
set -euo pipefail
rates="${1:-50 100 200 300 400}"; hold="${2:-60}"; talk_ms="${TALK_MS:-2000}"
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/tests/Softswitch.Benchmarks"
base="$(mktemp -d /tmp/softswitch-acd-queue-cps-XXXXXX)"
work="$base"
# shellcheck source=lib.sh
source "$bench/lib.sh"
# shellcheck source=acd-lib.sh
source "$bench/acd-lib.sh"
build_switch

# One rate against a fresh switch in $base/rRATE (its own database: no registration left from the rate before).
run_rate() {
  local rate=$1 total=$(( $1 * hold ))
  local agents=${AGENTS:-$(( rate * 3 > 20 ? rate * 3 : 20 ))}
  work="$base/r$rate"; mkdir -p "$work"; ln -s "$base/bin" "$work/bin"
  port=$(free_udp_port)
  local agent_port; agent_port=$(free_udp_port)
  write_config "${LOAD_LOG_LEVEL:-Information}"
  lift_single_source_limits
  add_load_queue "$agents"
  start_switch "${queue_route[@]}"
  if ! register_agents "$agents" "$agent_port"; then
    echo "agents did not register: $(cat "$work/register-agents.out")"
    kill -TERM "$pid"; wait "$pid" || true; trap - EXIT; cd "$base"; return 1
  fi
  cd "$work"
  $load_cpus sipp -sf "$bench/acd-agent-hangs-up.xml" -i 127.0.0.1 -mi 127.0.0.1 -p "$agent_port" -mp 45000 -nostdin \
    -d "$talk_ms" -timeout $((hold + 120))s -trace_stat -stf agents-stats.csv -fd 5 > agents.out 2>&1 &
  agents_pid=$!; caller_pid=""
  # Until the run's end stops them in order, an interrupted script still stops every process it started, by PID.
  trap 'kill -INT $agents_pid $caller_pid 2>/dev/null; kill -TERM $pid 2>/dev/null; wait 2>/dev/null || true' EXIT
  sleep 0.5
  local a; a=$(cpu_ticks "$pid"); local started; started=$(date +%s.%N)
  set +e
  $load_cpus sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-wait-for-bye.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 \
    -mp 40000 -nostdin -s 610 -au 1001 -ap load-secret-1001 -auth_uri "610@127.0.0.1:$port" -r "$rate" -m "$total" \
    -l $((rate * 10)) -recv_timeout 30000 -timeout $((hold + 90))s -trace_stat -stf stats.csv -fd 5 -trace_rtt -rtt_freq 1 \
    "127.0.0.1:$port" > sipp.out 2>&1 &
  caller_pid=$!
  sleep $((hold / 2))
  local rss; rss=$(ps -o rss= -p "$pid")
  # The load generators' own CPU (% of one core so far): on two cores they compete with the switch.
  local sipp_cpu; sipp_cpu="caller_sipp_cpu_pct=$(python3 -c "print(round($(cpu_ticks $caller_pid) / ($hold / 2), 1))") agents_sipp_cpu_pct=$(python3 -c "print(round($(cpu_ticks $agents_pid) / ($hold / 2 + 0.5), 1))")"
  wait $caller_pid; local code=$?
  set -e
  local b; b=$(cpu_ticks "$pid"); local wall; wall=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  sleep 1
  kill -INT "$agents_pid" 2>/dev/null; wait "$agents_pid" 2>/dev/null || true
  kill -TERM "$pid"; wait "$pid" || true
  trap - EXIT
  local rows; rows=$(sqlite3 -separator ' ' "$work/data/softswitch.db" \
    "SELECT count(*) FILTER (WHERE json_extract(application_fields, '\$.queue_result') = 'answered'),
            count(*) FILTER (WHERE coalesce(json_extract(application_fields, '\$.queue_result'), '') <> 'answered'),
            coalesce(max(CAST(json_extract(application_fields, '\$.wait_seconds') AS INTEGER)), -1)
     FROM calls WHERE dialled = '610'")
  python3 - "$work" "$bench" "$rate" "$total" "$agents" "$code" "$a" "$b" "$wall" "$rss" "$rows" "$sipp_cpu" <<'PY' | tee -a "$base/results.txt"
import glob, sys
work, bench = sys.argv[1], sys.argv[2]
sys.path.insert(0, bench); from load_stats import percentiles, sipp_counts, rtd_times
rate, total, agents, code, a, b, wall, rss, rows, sipp_cpu = sys.argv[3:]
answered, other, longest_wait = rows.split()
ok, failed, retrans = sipp_counts(work + '/stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)', 'Retransmissions(C)')
agents_ok, agents_failed = sipp_counts(work + '/agents-stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)')
answer = percentiles(rtd_times(glob.glob(work + '/*_rtt.csv')).get('1', []))
ticks, wall = int(b) - int(a), float(wall)
print(f"rate={rate} calls={total} agents={agents} sipp_exit={code} succeeded={ok} failed={failed} agents_answered={agents_ok} "
      f"agents_failed={agents_failed} retransmissions={retrans} rows_answered={answered} rows_other={other} "
      f"longest_wait_s={longest_wait} cpu_pct={round(ticks / wall, 1)} cpu_us_per_queue_call={round(ticks * 10000 / max(1, ok))} "
      f"rss_mid_kib={rss.strip()} invite_200_ms_p50={answer[0]} p99={answer[1]} max={answer[2]} {sipp_cpu}")
PY
  cd "$base"
  [ "$code" -eq 0 ] && grep "^rate=$rate " "$base/results.txt" | tail -1 | grep -q " failed=0 agents_answered=[0-9]* agents_failed=0 .* rows_other=0 "
}

for rate in $rates; do
  if ! run_rate "$rate" && [ -z "${KEEP_GOING:-}" ]; then echo "stopped after rate $rate (failed calls; logs under $base/r$rate)"; break; fi
done
echo "results: $base/results.txt"
