#!/usr/bin/env bash
# Load: AGENTS agents on calls and CALLERS callers waiting in the queue with music (issue 11). The agents are one sipp
# UAS registered as AGENTS extensions (2000 up) that answers every queue call at once and holds it until the switch's
# BYE; sipp calls the queue route 610 as 1001 with digest AGENTS + CALLERS times (ramping at RAMP calls/s, 50 unless
# told): the first AGENTS callers are bridged to the agents, the other CALLERS wait with the queue's music (after
# "you are caller number N"). Each caller hangs up HOLD seconds (60) after the switch answered it. The switch is started
# afresh with the shipped defaults (plus the limits below). Reports, with every call up: how many callers talk and wait
# (sipp's current calls on both sides), the switch's CPU (% of one core over a 20 s window), RSS per call (RSS at
# load minus RSS idle, / (AGENTS + CALLERS)), and music pacing as ivr-menu-load.sh measures it: a 5 s capture of the
# switch's RTP to the callers, the gaps between packets against the 20 ms they should be and RFC 3550 jitter.
# agents_failed counts the agents' sipp calls that failed, all after the window: when the first callers hang up, the
# freed agents are offered callers who hang up moments later, and a CANCEL crossing the agent's 200 aborts that call.
# Usage: acd-queue-load.sh [AGENTS] [CALLERS] [HOLD]   (200 1000 60 for the issue's figure; takes a quiet machine)
# PIN=1 puts the switch on CPU 0 and sipp and the capture on CPU 1.
set -euo pipefail
agents="${1:-200}"; callers="${2:-1000}"; hold="${3:-60}"; ramp="${RAMP:-50}"
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/tests/Softswitch.Benchmarks"
work="$(mktemp -d /tmp/softswitch-acd-queue-load-XXXXXX)"
# shellcheck source=lib.sh
source "$bench/lib.sh"
# shellcheck source=acd-lib.sh
source "$bench/acd-lib.sh"
# shellcheck source=ivr-lib.sh
source "$bench/ivr-lib.sh"
total=$(( agents + callers ))
port=$(free_udp_port)
agent_port=$(free_udp_port)
build_switch
write_config Information
lift_single_source_limits
add_load_queue "$agents"
# Nobody sends audio: a call silent for rtp.timeout_seconds (60) is ended as a dead phone, so it is set past HOLD.
start_switch "${queue_route[@]}" "--rtp:timeout_seconds=$((hold + 60))"
sleep 2
idle_rss=$(ps -o rss= -p "$pid" | tr -d ' ')
register_agents "$agents" "$agent_port" || { echo "agents did not register: $(cat "$work/register-agents.out")"; exit 1; }

cd "$work"
$load_cpus sipp -sf "$bench/bridge-callee.xml" -i 127.0.0.1 -mi 127.0.0.1 -p "$agent_port" -mp 45000 -nostdin \
  -timeout $((hold + total / ramp + 90))s -trace_stat -stf agents-stats.csv -fd 1 > agents.out 2>&1 &
agents_pid=$!
caller_pid=""
# Whatever happens from here, every process started is stopped by its PID.
trap 'kill -INT $agents_pid $caller_pid 2>/dev/null; kill -TERM $pid 2>/dev/null; wait 2>/dev/null || true' EXIT
sleep 0.5
# Every call is up from the end of the ramp plus 3 s until the first one hangs up.
ramped=$(( total / ramp + 3 ))
window=$(( hold - ramped - 5 < 20 ? hold - ramped - 5 : 20 ))
[ "$window" -ge 5 ] || { echo "HOLD $hold is too short for $total calls at $ramp calls/s"; exit 1; }
media_port=40000
set +e
$load_cpus sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-short-call.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 \
  -mp "$media_port" -nostdin -s 610 -au 1001 -ap load-secret-1001 -auth_uri "610@127.0.0.1:$port" -d $((hold * 1000)) \
  -r "$ramp" -m "$total" -l "$total" -recv_timeout 20000 -timeout $((hold + total / ramp + 60))s \
  -trace_stat -stf stats.csv -fd 1 "127.0.0.1:$port" > sipp.out 2>&1 &
caller_pid=$!
sleep "$ramped"
a=$(cpu_ticks "$pid")
$load_cpus dumpcap -q -B 64 -i lo -f "udp and dst port $media_port" -a duration:5 -w "$work/rtp.pcapng" >/dev/null 2>&1 &
capture_pid=$!
sleep "$window"
b=$(cpu_ticks "$pid")
load_rss=$(ps -o rss= -p "$pid" | tr -d ' ')
up=$(last_stat stats.csv 'CurrentCall'); talking=$(last_stat agents-stats.csv 'CurrentCall')
wait "$capture_pid" || true
wait "$caller_pid"; code=$?
set -e
sleep 1
kill -INT "$agents_pid" 2>/dev/null; wait "$agents_pid" 2>/dev/null || true
kill -TERM "$pid"; wait "$pid" || true
trap - EXIT
read -r ok failed < <(python3 -c "import sys; sys.path.insert(0, '$bench'); from load_stats import sipp_counts; print(*sipp_counts('$work/stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)'))")
agents_failed=$(last_stat agents-stats.csv 'FailedCall(C)')
echo "agents=$agents callers=$callers hold_s=$hold sipp_exit=$code succeeded=$ok failed=$failed agents_failed=$agents_failed" \
  "calls_up=$up talking=$talking waiting=$(( up - talking )) cpu_pct=$(python3 -c "print(round(($b - $a) / $window, 1))") window_s=$window" \
  "idle_rss_kib=$idle_rss load_rss_kib=$load_rss rss_per_call_kib=$(python3 -c "print(round(($load_rss - $idle_rss) / $total, 1))")"
pacing "$work/rtp.pcapng" "$media_port"
echo "log: $work/softswitch.out"
