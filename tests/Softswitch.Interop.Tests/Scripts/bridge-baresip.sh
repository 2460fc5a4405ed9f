#!/usr/bin/env bash
# Extension to extension through the switch, with real softphones inside a private network namespace:
#   unshare -n bash bridge-baresip.sh SOFTSWITCH_DLL WORKDIR
# 1. baresip 1001 (Alice, PCMU, 1 kHz tone) calls 1002 (Bob, PCMU, 400 Hz tone, auto-answer); Alice hangs up after 8 s.
# 2. Alice calls 1003 (Carol, Opus, 600 Hz tone, auto-answer: transcoded); Carol's phone quits after 8 s, so the
#    callee hangs up and the switch hangs Alice up with BYE.
# Each side records what it hears; prints KEY=VALUE lines the NUnit test reads; stops every process it started.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"

setup_namespace_network
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone1k.wav" synth 30 sine 1000 vol 0.5
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone400.wav" synth 30 sine 400 vol 0.5
sox -n -r 48000 -c 2 -b 16 -e signed-integer "$work/tone600.wav" synth 30 sine 600 vol 0.5

write_softswitch_config <<YAML
extensions:
  - number: "1001"
    name: Alice
    password: bridge-secret-1001
  - number: "1002"
    name: Bob
    password: bridge-secret-1002
  - number: "1003"
    name: Carol
    password: bridge-secret-1003
YAML
write_baresip_phone alice 1001 bridge-secret-1001 15070 31000-31099 "$work/tone1k.wav" g711
write_baresip_phone alice2 1001 bridge-secret-1001 15076 31300-31399 "$work/tone1k.wav" g711
write_baresip_phone bob 1002 bridge-secret-1002 15072 31100-31199 "$work/tone400.wav" g711
write_baresip_phone carol 1003 bridge-secret-1003 15074 31200-31299 "$work/tone600.wav" opus
for callee in bob carol; do sed -i 's/$/;answermode=auto/' "$work/$callee/accounts"; done

start_softswitch
timeout 40 baresip -f "$work/bob" -t 35 > "$work/bob.out" 2>&1 &
bob_pid=$!
timeout 40 baresip -f "$work/carol" -t 22 > "$work/carol.out" 2>&1 &
carol_pid=$!
await "$work/softswitch.out" "REGISTER 1002 -> 200" 1 10
await "$work/softswitch.out" "REGISTER 1003 -> 200" 1 10

# 1: the caller hangs up (baresip quits after 8 s and says BYE).
call_with_baresip ALICE_EXIT alice 1002 20 8
await "$work/softswitch.out" "call ended (normal, by the caller)" 1 5

# 2: the callee hangs up: Carol's phone quits at 22 s (about 8 s into the call); Alice would stay 30 s otherwise.
sleep $(( 14 - SECONDS > 0 ? 14 - SECONDS : 0 ))
dial_with_baresip alice2 1003 40 30
alice2_pid=$!
await "$work/softswitch.out" "call ended (normal, by the callee)" 1 25
wait "$alice2_pid"; echo "ALICE2_EXIT=$?"
wait "$carol_pid"
wait "$bob_pid"
sleep 1
stop_softswitch

alice=$(baresip_heard alice); bob=$(baresip_heard bob); alice2=$(baresip_heard alice2); carol=$(baresip_heard carol)
[ -n "$alice" ] && { echo "ALICE_TOTAL_DB=$(level_db "$alice" 1 2 4)"; echo "ALICE_400_DB=$(band_level_db "$alice" 1 2 4 380-420)"; }
[ -n "$bob" ] && { echo "BOB_TOTAL_DB=$(level_db "$bob" 1 2 4)"; echo "BOB_1K_DB=$(band_level_db "$bob" 1 2 4 950-1050)"; }
[ -n "$alice2" ] && { echo "ALICE2_TOTAL_DB=$(level_db "$alice2" 1 2 4)"; echo "ALICE2_600_DB=$(band_level_db "$alice2" 1 2 4 580-620)"; }
[ -n "$carol" ] && { echo "CAROL_TOTAL_DB=$(level_db "$carol" 1 2 4)"; echo "CAROL_1K_DB=$(band_level_db "$carol" 1 2 4 950-1050)"; }
print_switch_count ANSWERED_RELAYING 'answered; caller .*PCMU.*callee .*PCMU.*relaying'
print_switch_count ANSWERED_TRANSCODING 'answered; caller .*PCMU.*callee .*opus.*transcoding'
print_switch_count CALLER_HUNG_UP 'call ended (normal, by the caller)'
print_switch_count CALLEE_HUNG_UP 'call ended (normal, by the callee)'
echo "ALICE2_GOT_BYE=$(grep -c 'session closed' "$work/alice2.out")"
# The calls table, as an admin reads it: callee, who hung up, each leg's codec, packets the switch got from each side.
n=0
while IFS='|' read -r callee side caller_codec callee_codec caller_received callee_received; do
  n=$((n + 1))
  echo "ROW${n}=${callee}|${side}|${caller_codec}|${callee_codec}"
  echo "ROW${n}_CALLER_RECEIVED=${caller_received}"; echo "ROW${n}_CALLEE_RECEIVED=${callee_received}"
done < <(sqlite3 "$work/data/softswitch.db" \
  "SELECT callee, hangup_side, caller_codec, callee_codec, caller_packets_received, callee_packets_received FROM calls ORDER BY id")
