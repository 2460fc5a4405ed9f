#!/usr/bin/env bash
# Attended transfer from a real softphone, inside a private network namespace:
#   unshare -n bash transfer-linphone.sh SOFTSWITCH_DLL WORKDIR
# baresip 1001 (Alice, 1 kHz tone) calls linphonec 1002 (Bob, auto-answer, 2 kHz tone). Bob holds Alice ("pause 1":
# linphonec refuses a second call while one is active) and calls baresip 1003 (Carol, auto-answer, 400 Hz tone). Then
# Bob runs "transfer 1 --to-call 2": a REFER in Alice's call with Replaces naming his call with Carol (RFC 5589 §7). The
# switch joins Alice and Carol inside itself and hangs Bob up in both calls. Alice hangs up 16 s after she dialled.
# Carol records what she hears: Bob, then Alice.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"
# A linphonec that died must not kill this script through SIGPIPE on its command FIFO.
trap '' PIPE
mkdir -p "$work/bob/home/.local/share/linphone"
source "$(dirname "${BASH_SOURCE[0]}")/transfer-office.sh"
setup_transfer_office
cat > "$work/bob/rc" <<RC
[sip]
sip_port=15080
sip_tcp_port=-1
sip_tls_port=-1
use_ipv6=0
default_proxy=0
[rtp]
audio_rtp_port=31100
[sound]
echocancellation=0
[proxy_0]
reg_proxy=<sip:127.0.0.1:$port>
reg_identity=sip:1002@127.0.0.1:$port
reg_expires=600
reg_sendregister=1
[auth_info_0]
username=1002
passwd=xfer-secret-1002
RC

# linphonec's SDP names 127.0.0.1 but its RTP leaves from the veth address: the shorter relatch wait (linphone-echo.sh).
start_softswitch --rtp:relatch_after_ms=500
timeout 60 baresip -f "$work/carol" -t 50 > "$work/carol.out" 2>&1 &
carol_pid=$!
mkfifo "$work/bob/commands"
HOME="$work/bob/home" timeout 60 linphonec -c "$work/bob/rc" -d 6 -l "$work/bob/linphone.log" \
  < "$work/bob/commands" > "$work/bob/linphonec.out" 2>&1 &
bob_pid=$!
exec 3> "$work/bob/commands"
echo "soundcard use files" >&3
echo "play $work/tone2000.wav" >&3
echo "autoanswer enable" >&3
await "$work/softswitch.out" "REGISTER 1002 -> 200" 1 15
await "$work/softswitch.out" "REGISTER 1003 -> 200" 1 10

dial_with_baresip alice 1002 40 16
alice_pid=$!
await "$work/softswitch.out" "answered; caller 1001\|1002 answered" 1 15
sleep 2; echo "pause 1" >&3
await "$work/softswitch.out" "on hold by the callee" 1 10
echo "call sip:1003@127.0.0.1:$port" >&3
await "$work/softswitch.out" "1003 answered" 1 15
sleep 2; echo "calls" >&3; echo "transfer 1 --to-call 2" >&3
await "$work/softswitch.out" "transferred: 1001 now talks to 1003" 1 15
wait "$alice_pid"; echo "ALICE_EXIT=$?"
await "$work/softswitch.out" "call ended (normal, by the caller)" 1 5
echo "quit" >&3; exec 3>&-
wait "$bob_pid"; echo "BOB_EXIT=$?"
kill -TERM "$carol_pid" 2>/dev/null; wait "$carol_pid"
stop_softswitch

# Carol's recording starts at her answer (Bob talks to her for 2 s) and ends when Alice hangs up: its last seconds are Alice.
carol=$(baresip_heard carol)
if [ -n "$carol" ]; then
  length=$(soxi -D "$carol"); from=$(python3 -c "print(max(0, round($length - 4, 2)))")
  echo "CAROL_END_TOTAL_DB=$(level_db "$carol" 1 "$from" 3)"; echo "CAROL_END_1K_DB=$(band_level_db "$carol" 1 "$from" 3 950-1050)"
  echo "CAROL_END_2K_DB=$(band_level_db "$carol" 1 "$from" 3 1950-2050)"
fi
alice=$(baresip_heard alice)
if [ -n "$alice" ]; then
  length=$(soxi -D "$alice"); from=$(python3 -c "print(max(0, round($length - 4, 2)))")
  echo "ALICE_END_TOTAL_DB=$(level_db "$alice" 1 "$from" 3)"; echo "ALICE_END_400_DB=$(band_level_db "$alice" 1 "$from" 3 380-420)"
fi
print_switch_count ATTENDED 'transfers 1001 attended'
print_switch_count HANDED_OVER '1003 handed over to call'
print_switch_count TRANSFERRED 'transferred: 1001 now talks to 1003'
echo "BOB_TOLD_TRANSFERRED=$(grep -c 'has been transfered' "$work/bob/linphonec.out")"
echo "BOB_CALLS_ENDED=$(grep -c 'Call [12] with .* ended' "$work/bob/linphonec.out")"
while IFS='|' read -r caller callee cause side; do
  echo "ROW_${caller}=${callee}|${cause}|${side}"
done < <(sqlite3 "$work/data/softswitch.db" "SELECT caller, callee, hangup_cause, hangup_side FROM calls ORDER BY id")
