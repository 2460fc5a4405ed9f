#!/usr/bin/env bash
# Load: N callers waiting in the demo IVR's menu (issue 10). sipp places N calls to 500 as 1001 with digest (ramping
# at RAMP calls/s, 50 unless told), each picks English with a SIP INFO key 2 a second after the answer and then presses *
# (the menu's repeat key) every 8 s, so the main menu's prompt (11.8 s) plays the whole time and the flow waits for keys;
# after HOLD seconds (60) the caller hangs up. The switch is started afresh with the shipped defaults (plus the limits
# below). Reports, with every call up: the switch's CPU (% of one core over a 20 s window), RSS per call (RSS at load
# minus RSS idle, / N), and prompt pacing: a 5 s capture of the switch's RTP to the callers on loopback (tshark), the
# gaps between packets against the 20 ms they should be and RFC 3550 jitter per stream; and sipp's calls and failures.
# Usage: ivr-menu-load.sh [N] [HOLD]   (e.g. 100, 250, 500; takes a quiet machine)
# PIN=1 puts the switch on CPU 0 and sipp and the capture on CPU 1.
set -euo pipefail
calls="${1:-100}"; hold="${2:-60}"; ramp="${RAMP:-50}"
switch_cpus=""; load_cpus=""
if [ -n "${PIN:-}" ]; then switch_cpus="taskset -c 0"; load_cpus="taskset -c 1"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/tests/Softswitch.Benchmarks"
work="$(mktemp -d /tmp/softswitch-ivr-menu-load-XXXXXX)"
# shellcheck source=lib.sh
source "$bench/lib.sh"
# shellcheck source=ivr-lib.sh
source "$bench/ivr-lib.sh"
port=$(free_udp_port)
build_switch
write_config Information
lift_single_source_limits
add_demo_ivr
# The callers send no audio: a call silent for rtp.timeout_seconds (60) is ended as a dead phone, so it is set past HOLD.
start_switch "${ivr_route[@]}" "--rtp:timeout_seconds=$((hold + 60))"
sleep 2
idle_rss=$(ps -o rss= -p "$pid" | tr -d ' ')

# The caller: the INVITE and digest of echo-short-call.xml, then the keys by SIP INFO (application/dtmf-relay), then BYE.
python3 - "$root/tests/Softswitch.Interop.Tests/Scenarios/echo-short-call.xml" "$work/ivr-menu-caller.xml" "$hold" <<'PY'
import sys
source, target, hold = sys.argv[1], sys.argv[2], int(sys.argv[3])
xml = open(source).read()
head = xml[:xml.index('  <pause/>')]
def info(cseq, key):
    return f'''  <send retrans="500">
    <![CDATA[

      INFO sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:1001@[remote_ip]>;tag=[pid]SIPpTag[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: {cseq} INFO
      Max-Forwards: 70
      Content-Type: application/dtmf-relay
      Content-Length: [len]

      Signal={key}
      Duration=160

    ]]>
  </send>
  <recv response="200"/>
'''
body, cseq, at = ['  <pause milliseconds="1000"/>\n', info(3, '2')], 4, 1
while at + 8 < hold:
    body += ['  <pause milliseconds="8000"/>\n', info(cseq, '*')]
    cseq, at = cseq + 1, at + 8
body.append(f'  <pause milliseconds="{(hold - at) * 1000}"/>\n')
bye = xml[xml.index('  <send', xml.index('  <pause/>')):].replace('CSeq: 3 BYE', f'CSeq: {cseq} BYE')
open(target, 'w').write(head.replace('short call to *43 (the echo test)', 'IVR menu caller (written by ivr-menu-load.sh)') + ''.join(body) + bye)
PY

# Every call is up (and past its language choice) from the end of the ramp plus 2 s until the first one hangs up.
ramped=$(( calls / ramp + 3 ))
window=$(( hold - ramped - 5 < 20 ? hold - ramped - 5 : 20 ))
[ "$window" -ge 5 ] || { echo "HOLD $hold is too short for $calls calls at $ramp calls/s"; exit 1; }
cd "$work"
media_port=40000
set +e
$load_cpus sipp -sf ivr-menu-caller.xml -i 127.0.0.1 -mi 127.0.0.1 -p 0 -mp "$media_port" -nostdin \
  -s 500 -au 1001 -ap load-secret-1001 -auth_uri "500@127.0.0.1:$port" -r "$ramp" -m "$calls" -l "$calls" \
  -recv_timeout 20000 -timeout $((hold + calls / ramp + 60))s -trace_stat -stf stats.csv -fd 5 "127.0.0.1:$port" > sipp.out 2>&1 &
caller_pid=$!
sleep "$ramped"
a=$(cpu_ticks "$pid")
$load_cpus dumpcap -q -B 64 -i lo -f "udp and dst port $media_port" -a duration:5 -w "$work/rtp.pcapng" >/dev/null 2>&1 &
capture_pid=$!
sleep "$window"
b=$(cpu_ticks "$pid")
load_rss=$(ps -o rss= -p "$pid" | tr -d ' ')
wait "$capture_pid" || true
wait "$caller_pid"; code=$?
set -e
sleep 1
kill -TERM "$pid"; wait "$pid" || true
trap - EXIT
read -r ok failed < <(python3 -c "import sys; sys.path.insert(0, '$bench'); from load_stats import sipp_counts; print(*sipp_counts('$work/stats.csv', 'SuccessfulCall(C)', 'FailedCall(C)'))")
echo "calls=$calls hold_s=$hold sipp_exit=$code succeeded=$ok failed=$failed cpu_pct=$(python3 -c "print(round(($b - $a) / $window, 1))") window_s=$window" \
  "idle_rss_kib=$idle_rss load_rss_kib=$load_rss rss_per_call_kib=$(python3 -c "print(round(($load_rss - $idle_rss) / $calls, 1))")"
pacing "$work/rtp.pcapng" "$media_port"
echo "switch_calls_ended_by_caller=$(grep -c 'call ended (normal, by the caller)' "$work/softswitch.out" || true) log: $work/softswitch.out"
