#!/usr/bin/env bash
# Load: authenticated REGISTERs per second against the real softswitch process, driven by sipp.
# Each sipp "call" is one REGISTER, its 401 challenge and the authenticated REGISTER answered 200.
# Usage: tests/Softswitch.Benchmarks/register-load.sh [rate/s] [total] [transport u1|t1]
set -euo pipefail
rate="${1:-5000}"; total="${2:-100000}"; transport="${3:-u1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/softswitch-load-XXXXXX)"
# shellcheck source=lib.sh
source "$root/tests/Softswitch.Benchmarks/lib.sh"
port=$(free_udp_port)

build_switch
write_config Warning
lift_single_source_limits

start_switch "--sip:t1_ms=${T1_MS:-500}"

cd "$work"
# One sipp process tops out near 4,500 calls/s on this machine (it is single-threaded and hashes too),
# so the load is split over several; each gets an equal share of rate and count.
procs="${SIPP_PROCS:-2}"
start=$(date +%s.%N)
pids=()
for i in $(seq "$procs"); do
  sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/register-digest.xml" -t "$transport" \
    -i 127.0.0.1 -mi 127.0.0.1 -p 0 -nostdin -s 1001 -au 1001 -ap load-secret-1001 \
    -r $((rate / procs)) -m $((total / procs)) -l 2000 -max_socket 200 -timeout 120s \
    -trace_stat -stf "stats$i.csv" -fd 5 "127.0.0.1:$port" > "sipp$i.out" 2>&1 &
  pids+=($!)
done
code=0
for p in "${pids[@]}"; do wait "$p" || code=$?; done
end=$(date +%s.%N)
elapsed=$(python3 -c "print(round($end-$start,2))")
succeeded=0; failed=0
for i in $(seq "$procs"); do
  ok=$(head -1 "stats$i.csv" | tr ';' '\n' | grep -n '^SuccessfulCall(C)$' | cut -d: -f1)
  ko=$(head -1 "stats$i.csv" | tr ';' '\n' | grep -n '^FailedCall(C)$' | cut -d: -f1)
  last=$(tail -1 "stats$i.csv")
  succeeded=$((succeeded + $(echo "$last" | cut -d';' -f"$ok"))); failed=$((failed + $(echo "$last" | cut -d';' -f"$ko")))
done
echo "transport=$transport sipp_procs=$procs rate_asked=$rate total=$total sipp_exit=$code elapsed_s=$elapsed succeeded=$succeeded failed=$failed registers_per_s=$(python3 -c "print(round($succeeded/$elapsed))")"
ps -o rss=,pcpu=,time= -p $pid | awk '{printf "softswitch rss_kib=%s cpu_pct_lifetime=%s cpu_time=%s\n", $1, $2, $3}'
