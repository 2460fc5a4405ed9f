#!/usr/bin/env bash
# Load: concurrent *43 echo calls from sipp (each plays 7 s of PCMA from g711a.pcap, then BYE), against the real
# switch on loopback. Prints sipp's outcome, packets received/echoed by the switch (from its log), CPU and RSS, and
# the loss on the path back to the phones as tshark sees it (-z rtp,streams on 4 s of the first 100 calls' return RTP),
# and how long the switch takes to send each packet back (echo delay, from the same capture's both directions), and
# how long each call took to set up (INVITE to 200 with the digest round trip, from sipp's -trace_rtt).
# Run as root (sipp's pcap play uses raw sockets). Usage: echo-load.sh [concurrent calls] [total calls]
# LOAD_PLAYS=N plays the pcap N times per call (7.5 s each); SAMPLE_AT=S takes RSS and the tshark sample S s in
# (default 6: every call set up and talking; with LOAD_PLAYS=6 SAMPLE_AT=40 the SIP transactions of the set-up have
# ended, RFC 6026 keeps an answered INVITE's for 64·T1 = 32 s, so the figure is what a call in progress costs).
# WARMUP=1 places one call before the load (see below).
# GC_TRACE=1 lists the switch's garbage collections and their pauses during the load (to GC_TRACE_OUT).
# LOAD_LOG_LEVEL=Warning quiets the switch's log (then the per-call "echoed" counts, read from it, are 0).
# PIN=1 puts the switch and the load generator on a core each (see below).
# HEAP_CENSUS=N writes the N largest types of the managed heap at the sample time to HEAP_CENSUS_OUT (built by
# `dotnet build tests/Softswitch.Benchmarks -c Release`).
set -euo pipefail
concurrent="${1:-100}"; total="${2:-$concurrent}"
plays="${LOAD_PLAYS:-1}"; sample_at="${SAMPLE_AT:-6}"
# PIN=1 gives the switch CPU 0 and the load generator (sipp, dumpcap) CPU 1, so neither starves the other: without
# it, on two cores, sipp's 500 pcap players and the switch compete, and the switch's queues (echo delay) show it.
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/softswitch-echo-load-XXXXXX)"
# shellcheck source=lib.sh
source "$root/tests/Softswitch.Benchmarks/lib.sh"
port=$(free_udp_port)
build_switch
write_config "${LOAD_LOG_LEVEL:-Information}"
lift_single_source_limits
cat >> "$config" <<YAML
rtp:
  port_min: 20000
  port_max: 29998
YAML
start_switch
idle_rss=$(ps -o rss= -p $pid)
# Anonymous memory (heap, stacks, buffers) is what calls cost; RSS also counts mapped files (runtime, assemblies),
# which grow as code paths are first touched, whatever the number of calls.
anon() { awk '/^Anonymous/ {print $2}' "/proc/$1/smaps_rollup"; }
idle_anon=$(anon $pid)
cd "$work"
python3 - "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-load-pcap.xml" "$work/scenario.xml" "$plays" <<'PY'
import sys
text = open(sys.argv[1]).read()
play = '  <nop><action><exec play_pcap_audio="/usr/share/sip-tester/g711a.pcap"/></action></nop>\n  <pause milliseconds="7500"/>\n'
assert play in text
open(sys.argv[2], 'w').write(text.replace(play, play * int(sys.argv[3])))
PY
# WARMUP=1 places one call first, so the code every call runs is loaded and compiled: the "warm" figures are what
# calls add beyond that one-time cost. Without it (the default) the figures are from just after start-up, and the
# one-time cost (JIT-compiled code, runtime pages first touched) is charged to the calls; the warm-up's own tiering
# also makes the burst's peak a few MB higher, so cold figures are only comparable between runs without it.
warm_rss=$idle_rss; warm_anon=$idle_anon; warm_lines=0
if [ -n "${WARMUP:-}" ]; then
  $load_cpus sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-load-pcap.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 \
    -mp 39000 -nostdin -s '*43' -au 1001 -ap load-secret-1001 -auth_uri "*43@127.0.0.1:$port" -m 1 -timeout 60s \
    "127.0.0.1:$port" > warmup.out 2>&1 || echo "warm-up call failed (see $work/warmup.out)"
  sleep 1
  warm_rss=$(ps -o rss= -p $pid); warm_anon=$(anon $pid)
  warm_lines=$(wc -l < "$work/softswitch.out")
fi
if [ -n "${GC_TRACE:-}" ]; then
  # Diagnosis: every garbage collection of the switch during the load and how long it stopped the process.
  dotnet "$root/tests/Softswitch.Benchmarks/bin/Release/net10.0/Softswitch.Benchmarks.dll" gctrace $pid $((sample_at + 4)) \
    > "$work/gc.txt" 2>&1 &
  gc_trace_pid=$!
  sleep 1
fi
a=$(awk '{print $14+$15}' /proc/$pid/stat); started=$(date +%s.%N)
set +e
$load_cpus sipp -sf "$work/scenario.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 -mp 40000 -nostdin \
  -s '*43' -au 1001 -ap load-secret-1001 -auth_uri "*43@127.0.0.1:$port" -l "$concurrent" -r "$concurrent" -rp 2000 -m "$total" \
  -timeout $((120 + 8 * plays))s -trace_stat -stf stats.csv -fd 2 -trace_rtt -rtt_freq 1 "127.0.0.1:$port" > sipp.out 2>&1 &
sipp_pid=$!
# All SIP of the load, to time the switch's own answers (below).
$load_cpus dumpcap -q -B 64 -i lo -f "udp port $port" -w "$work/sip.pcapng" >/dev/null 2>&1 &
sip_capture_pid=$!
sleep $((sample_at - 2))
# A sample of the return path: RTP from the switch's first 100 port pairs, captured while every call is up.
$load_cpus timeout 10 dumpcap -q -B 64 -i lo -f "udp portrange 20000-20199" -a duration:4 -w "$work/sample.pcapng" >/dev/null 2>&1 &
tshark_pid=$!
sleep 2
peak_rss=$(ps -o rss= -p $pid); peak_anon=$(anon $pid); threads=$(awk '/^Threads/ {print $2}' /proc/$pid/status)
if [ -n "${HEAP_CENSUS:-}" ]; then
  # Diagnosis only: suspends the switch while it walks the heap, so the loss figures of this run mean nothing.
  dotnet "$root/tests/Softswitch.Benchmarks/bin/Release/net10.0/Softswitch.Benchmarks.dll" heap $pid "$HEAP_CENSUS" > "$work/heap.txt" 2>&1 || true
  cp "$work/heap.txt" "${HEAP_CENSUS_OUT:-/tmp/softswitch-heap.txt}"
fi
wait $tshark_pid || true
wait $sipp_pid; code=$?
kill -INT $sip_capture_pid 2>/dev/null; wait $sip_capture_pid 2>/dev/null || true
if [ -n "${GC_TRACE:-}" ]; then wait $gc_trace_pid || true; cp "$work/gc.txt" "${GC_TRACE_OUT:-/tmp/softswitch-gc.txt}"; tail -1 "$work/gc.txt"; fi
set -e
b=$(awk '{print $14+$15}' /proc/$pid/stat); wall=$(python3 -c "import time; print(round(time.time() - $started, 1))")
ok=$(head -1 stats.csv | tr ';' '\n' | grep -n '^SuccessfulCall(C)$' | cut -d: -f1)
ko=$(head -1 stats.csv | tr ';' '\n' | grep -n '^FailedCall(C)$' | cut -d: -f1)
last=$(tail -1 stats.csv)
sleep 1
tail -n +$((warm_lines + 1)) "$work/softswitch.out" > "$work/load.out"
echoed=$(grep -c 'echo call ended' "$work/load.out" || true)
packets=$(grep -o 'echo call ended ([^)]*) after [0-9.]* s; caller [^:]*: sent [0-9]*' "$work/load.out" | awk '{s+=$NF} END {print s+0}')
echo "concurrent=$concurrent total=$total sipp_exit=$code succeeded=$(echo "$last" | cut -d';' -f"$ok") failed=$(echo "$last" | cut -d';' -f"$ko")"
sent_per_call=$(tshark -r /usr/share/sip-tester/g711a.pcap 2>/dev/null | wc -l)
echo "calls_ended=$echoed packets_echoed=$packets packets_sent=$((sent_per_call * total * plays)) echo_loss_pct=$(python3 -c "print(round(100 * (1 - $packets / ($sent_per_call * $total * $plays)), 3))")"
# Columns of -z rtp,streams: ... Pkts Lost (pct) ...; sum packets and lost over the sampled streams.
tshark -r "$work/sample.pcapng" -Y "udp.srcport >= 20000 && udp.srcport <= 20199" -w "$work/return.pcapng" 2>/dev/null || true
tshark -r "$work/return.pcapng" -q -o rtp.heuristic_rtp:TRUE -z rtp,streams 2>/dev/null > "$work/streams.txt" || true
python3 -c 'import sys; sys.path.insert(0, sys.argv[2]); from load_stats import rtp_stream_loss; print(rtp_stream_loss(sys.argv[1]))' \
  "$work/streams.txt" "$root/tests/Softswitch.Benchmarks"
# Echo delay at the switch: the echo sends each payload back unchanged, so a packet leaving port P pairs with the packet
# that reached P with the same payload. Payloads that repeat within a stream (silence) are ambiguous and left out.
tshark -r "$work/sample.pcapng" -o rtp.heuristic_rtp:TRUE -Y rtp -T fields -e frame.time_epoch -e udp.srcport -e udp.dstport \
  -e rtp.payload 2>/dev/null > "$work/sample.tsv" || true
python3 - "$work/sample.tsv" "$root/tests/Softswitch.Benchmarks" <<'PY'
import collections, sys
sys.path.insert(0, sys.argv[2]); from load_stats import percentiles
arrived, left = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.rstrip('\n').split('\t')
    if len(parts) < 4 or not parts[3]: continue
    when, source, destination, payload = float(parts[0]), int(parts[1]), int(parts[2]), parts[3]
    if 20000 <= destination <= 20199: arrived[(destination, payload)].append(when)
    if 20000 <= source <= 20199: left[(source, payload)].append(when)
# A port that ends one call and starts another inside the window (failed calls retried) repeats payloads: only
# packets that arrived once and left once, after arriving, are paired.
delays = sorted((left[k][0] - arrived[k][0]) * 1000 for k in arrived
                if len(arrived[k]) == 1 and len(left.get(k, ())) == 1 and left[k][0] >= arrived[k][0])
p50, p99, most = percentiles(delays, 3)
print(f"echo_delay_pairs={len(delays)} echo_delay_ms_p50={p50} echo_delay_ms_p99={p99} echo_delay_ms_max={most}")
PY
# The switch's own part of set-up, from the SIP capture: first INVITE in to its 407 out, and the authenticated INVITE
# in to its 200 out (sipp's time between the two is left out).
tshark -r "$work/sip.pcapng" -Y sip -T fields -e frame.time_epoch -e sip.Call-ID -e sip.CSeq.seq -e sip.Method \
  -e sip.Status-Code 2>/dev/null > "$work/sip.tsv" || true
python3 - "$work/sip.tsv" "$root/tests/Softswitch.Benchmarks" <<'PY'
import collections, sys
sys.path.insert(0, sys.argv[2]); from load_stats import percentiles
first = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    parts = line.rstrip('\n').split('\t')
    if len(parts) < 5: continue
    when, call, cseq, method, status = float(parts[0]), parts[1], parts[2], parts[3], parts[4]
    key = ('INVITE', cseq) if method == 'INVITE' else (status, cseq) if status else None
    if key and key not in first[call]: first[call][key] = when
challenge, answer = [], []
for seen in first.values():
    if ('INVITE', '1') in seen and ('407', '1') in seen: challenge.append(1000 * (seen[('407', '1')] - seen[('INVITE', '1')]))
    if ('INVITE', '2') in seen and ('200', '2') in seen: answer.append(1000 * (seen[('200', '2')] - seen[('INVITE', '2')]))
c50, c99, cmax = percentiles(challenge)
a50, a99, amax = percentiles(answer)
print(f"switch_407_ms_p50={c50} p99={c99} max={cmax} switch_200_ms_p50={a50} p99={a99} max={amax} calls={len(answer)}")
PY
# Set-up time as the caller sees it: from the first INVITE to the 200, through the 407 challenge and the
# authenticated INVITE (sipp's response-time 1 of every call, -trace_rtt).
python3 - "$work" "$root/tests/Softswitch.Benchmarks" <<'PY'
import glob, sys
sys.path.insert(0, sys.argv[2]); from load_stats import percentiles
times = []
for name in glob.glob(sys.argv[1] + '/*_rtt.csv'):
    for line in open(name):
        parts = line.strip().split(';')
        if len(parts) >= 2 and parts[1].replace('.', '', 1).isdigit(): times.append(float(parts[1]))
times.sort()
p50, p99, most = percentiles(times)
print(f"setup_calls={len(times)} setup_ms_p50={p50} setup_ms_p99={p99} setup_ms_max={most}")
PY
echo "softswitch wall_s=$wall cpu_pct_of_one_core=$(python3 -c "print(round((${b} - ${a}) / $wall, 1))") cpu_s=$(( (b - a) / 100 )) idle_rss_kib=$idle_rss peak_rss_kib=$peak_rss rss_per_call_kib=$(( (peak_rss - idle_rss) / concurrent )) threads=$threads"
echo "softswitch warm_rss_kib=$warm_rss rss_per_call_warm_kib=$(( (peak_rss - warm_rss) / concurrent )) warm_anon_kib=$warm_anon anon_per_call_warm_kib=$(( (peak_anon - warm_anon) / concurrent ))"
echo "softswitch idle_anon_kib=$idle_anon peak_anon_kib=$peak_anon anon_per_call_kib=$(( (peak_anon - idle_anon) / concurrent ))"
