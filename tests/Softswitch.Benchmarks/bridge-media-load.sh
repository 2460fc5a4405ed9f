#!/usr/bin/env bash
# Load: bridged calls with RTP both ways (issue 9). For each number of concurrent calls in the list, against a switch
# started afresh: sipp calls 1002 as 1001 with digest and plays 7.5 s of PCMA speech (the bundled g711a.pcap, 236
# packets), a sipp UAS registered as 1002 answers at once with PCMA and plays the same pcap back; the caller hangs up
# after its play. All calls start within 2 s, so at SAMPLE_AT (6 s) every one is talking. Reports: calls failed, the
# switch's CPU (% of one core over the load), RSS and anonymous memory per call (sampled at SAMPLE_AT, counted from the
# switch just started: cold, as echo-load.sh counts), and loss: from the switch's own per-leg counters in each "call
# ended" line (packets the switch received from each phone and relayed to the other, against the 236 each phone
# sent), and as tshark sees 4 s of the RTP the switch sends from its first 100 port pairs (both legs of ~50 calls).
# Same codec on both legs: the switch relays without transcoding. Per direction it also counts the calls whose switch
# relayed one packet fewer than it received: the callee starts its audio on the switch's ACK, and a first packet that
# arrives before the call has bridged the legs is read with nobody to pass it to (the relay numbers its own stream, so
# neither tshark nor RTCP sees that gap).
# Run as root (sipp's pcap play uses raw sockets). Usage: bridge-media-load.sh ["250 500"]
# MEDIA=rtpstream plays 7.5 s of A-law tone with sipp's rtp_stream instead (376 packets each way, the caller hanging up
# 0.5 s after its play; ordinary UDP sockets, no
# root): at 500 calls pcap play loses packets before they reach the switch (each of its 1,000 raw sockets is offered every
# loopback packet), so the loss of the switch itself is read from this mode. Either mode also reports the datagrams the
# kernel dropped at the switch's own UDP sockets (the drops column of /proc/net/udp for the sockets the switch holds):
# nonzero means the switch did not read a socket fast enough.
# PIN=1 puts the switch on CPU 0 and the load (both sipps, dumpcap) on CPU 1.
set -euo pipefail
levels="${1:-250 500}"; sample_at="${SAMPLE_AT:-6}"
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/tests/Softswitch.Benchmarks"
base="$(mktemp -d /tmp/softswitch-bridge-media-XXXXXX)"
work="$base"
# shellcheck source=lib.sh
source "$bench/lib.sh"
build_switch
pcap=/usr/share/sip-tester/g711a.pcap
media="${MEDIA:-pcap}"
if [ "$media" = rtpstream ]; then
  pcap="$base/tone.wav"
  sox -n -r 8000 -c 1 -e a-law "$pcap" synth 7.5 sine 440
  per_call=376 # sipp sends the WAV's 58-byte header as audio too: 60,058 bytes in 160-byte packets
else
  per_call=$(tshark -r "$pcap" 2>/dev/null | wc -l)
fi
# The caller of bridge-load.sh playing the pcap for the call's length; the callee of bridge-load.sh playing it once
# it has the ACK (a play runs beside the scenario, which goes on to wait for the BYE).
python3 - "$bench" "$base" "$pcap" "$media" <<'PY'
import sys
bench, base, pcap, media = sys.argv[1:]
play = f'  <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>\n'
caller = open(bench + '/bridge-caller.xml').read()
callee = open(bench + '/bridge-callee.xml').read()
if media == 'rtpstream':
    play = f'  <nop><action><exec rtp_stream="{pcap},1,8"/></action></nop>\n'
    caller = caller.replace('m=audio [media_port]', 'm=audio [rtpstream_audio_port]')
    callee = callee.replace('m=audio [media_port]', 'm=audio [rtpstream_audio_port]')
assert '  <pause/>\n' in caller
talk = 8000 if media == 'rtpstream' else 7500
open(base + '/caller.xml', 'w').write(caller.replace('  <pause/>\n', '  <pause milliseconds="500"/>\n' + play + f'  <pause milliseconds="{talk}"/>\n'))
assert '  <recv request="ACK"/>\n' in callee
open(base + '/callee.xml', 'w').write(callee.replace('  <recv request="ACK"/>\n', '  <recv request="ACK"/>\n' + play))
PY
anon() { awk '/^Anonymous/ {print $2}' "/proc/$1/smaps_rollup"; }
# Datagrams the kernel dropped at the UDP sockets process $1 holds (receive buffer full): the last column of /proc/net/udp.
switch_udp_drops() {
  find "/proc/$1/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null | tr -dc '0-9\n' > "$work/inodes.txt"
  awk 'NR == FNR { mine[$1] = 1; next } FNR > 1 && ($10 in mine) { sum += $NF } END { print sum + 0 }' "$work/inodes.txt" /proc/net/udp
}

run_level() {
  local concurrent=$1
  work="$base/c$concurrent"; mkdir -p "$work"; ln -s "$base/bin" "$work/bin"
  start_bridge_switch 29998
  local idle_rss idle_anon; idle_rss=$(ps -o rss= -p "$pid"); idle_anon=$(anon "$pid")
  local callee_port; callee_port=$(free_udp_port)
  register_from_port 1002 load-secret-1002 "$callee_port" || { echo "REGISTER 1002 failed: $work/register-1002.out"; return 1; }
  cd "$work"
  $load_cpus sipp -sf "$base/callee.xml" -i 127.0.0.1 -mi 127.0.0.1 -p "$callee_port" -mp 45000 -nostdin -timeout 120s -trace_err \
    -trace_stat -stf callee-stats.csv -fd 2 > callee.out 2>&1 &
  local callee_pid=$!
  sleep 0.5
  local a; a=$(cpu_ticks "$pid"); local started; started=$(date +%s.%N); local drops_before; drops_before=$(switch_udp_drops "$pid")
  set +e
  $load_cpus sipp -sf "$base/caller.xml" -i 127.0.0.1 -mi 127.0.0.1 -p 0 -mp 40000 -nostdin \
    -s 1002 -au 1001 -ap load-secret-1001 -auth_uri "1002@127.0.0.1:$port" -l "$concurrent" -r "$concurrent" -rp 2000 \
    -m "$concurrent" -recv_timeout 20000 -timeout 120s -trace_stat -stf stats.csv -fd 2 "127.0.0.1:$port" > sipp.out 2>&1 &
  local caller_pid=$!
  sleep $((sample_at - 2))
  # What the switch sends from its first 100 port pairs (callers' and callees' legs alike) while every call is up.
  $load_cpus timeout 10 dumpcap -q -B 64 -i lo -f "udp src portrange 20000-20199" -a duration:4 -w "$work/sample.pcapng" \
    >/dev/null 2>&1 &
  local capture_pid=$!
  sleep 2
  local peak_rss peak_anon threads; peak_rss=$(ps -o rss= -p "$pid"); peak_anon=$(anon "$pid")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$pid/status")
  wait $capture_pid || true
  wait $caller_pid; local code=$?
  set -e
  local drops; drops=$(( $(switch_udp_drops "$pid") - drops_before ))
  local b; b=$(cpu_ticks "$pid"); local wall; wall=$(python3 -c "import time; print(round(time.time() - $started, 1))")
  sleep 2
  kill -INT "$callee_pid" 2>/dev/null; wait "$callee_pid" 2>/dev/null || true
  kill -TERM "$pid"; wait "$pid" || true
  trap - EXIT
  tshark -r "$work/sample.pcapng" -q -o rtp.heuristic_rtp:TRUE -z rtp,streams 2>/dev/null > "$work/streams.txt" || true
  python3 - "$work" "$bench" "$concurrent" "$code" "$per_call" <<'PY' | tee -a "$base/results.txt"
import re, sys
work, bench, concurrent, code, per_call = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
sys.path.insert(0, bench); from load_stats import sipp_counts, rtp_stream_loss
ok, failed = sipp_counts(work + '/stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)')
_, callee_failed = sipp_counts(work + '/callee-stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)')
# "...: TARGET call ended (...) after S s; caller PEER CODEC: sent N, received N, lost N, jitter J ms; callee ...: sent ..."
leg = r'sent (\d+), received (\d+), lost (\d+), jitter ([\d.]+) ms'
totals = [0] * 6; jitters = []; ended = 0
# Per call and direction, packets the switch received from one phone and did not relay to the other.
dropped = {'caller_to_callee': [], 'callee_to_caller': []}
for line in open(work + '/softswitch.out'):
    m = re.search(r' call ended \(.*; caller [^;]*?' + leg + r'[^;]*; callee [^;]*?' + leg, line)
    if not m: continue
    ended += 1
    g = m.groups()
    for i, v in enumerate((g[0], g[1], g[2], g[4], g[5], g[6])): totals[i] += int(v)
    jitters += [float(g[3]), float(g[7])]
    dropped['caller_to_callee'].append(int(g[1]) - int(g[4]))
    dropped['callee_to_caller'].append(int(g[5]) - int(g[0]))
caller_sent, caller_received, caller_lost, callee_sent, callee_received, callee_lost = totals
expected = per_call * concurrent
pct = lambda part: round(100 * (1 - part / max(1, expected)), 3)
jitters.sort()
print(f"concurrent={concurrent} sipp_exit={code} succeeded={ok} failed={failed} callee_failed={callee_failed} calls_ended={ended} "
      f"each_way_sent_by_phones={expected}")
print(f"caller_to_callee: switch_received={caller_received} ({pct(caller_received)}% short) relayed={callee_sent} "
      f"({pct(callee_sent)}% short) rtcp_lost={caller_lost}")
print(f"callee_to_caller: switch_received={callee_received} ({pct(callee_received)}% short) relayed={caller_sent} "
      f"({pct(caller_sent)}% short) rtcp_lost={callee_lost}")
for direction, shortfalls in dropped.items():
    print(f"{direction}_not_relayed: calls_0={shortfalls.count(0)} calls_1={shortfalls.count(1)} "
          f"calls_more={sum(1 for d in shortfalls if d > 1)} most={max(shortfalls, default=0)}")
print(f"jitter_ms_p50={jitters[len(jitters) // 2] if jitters else -1} jitter_ms_max={jitters[-1] if jitters else -1}")
print(rtp_stream_loss(work + '/streams.txt'))
PY
  echo "softswitch concurrent=$concurrent media=$media switch_udp_drops=$drops wall_s=$wall cpu_pct_of_one_core=$(python3 -c "print(round(($b - $a) / $wall, 1))") idle_rss_kib=$idle_rss peak_rss_kib=$peak_rss rss_per_call_kib=$(( (peak_rss - idle_rss) / concurrent )) idle_anon_kib=$idle_anon peak_anon_kib=$peak_anon anon_per_call_kib=$(( (peak_anon - idle_anon) / concurrent )) threads=$threads" \
    | tee -a "$base/results.txt"
  cd "$base"
}

for level in $levels; do run_level "$level"; done
echo "results: $base/results.txt"
