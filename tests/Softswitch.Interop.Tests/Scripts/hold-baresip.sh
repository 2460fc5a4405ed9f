#!/usr/bin/env bash
# Hold and resume from a real softphone, inside a private network namespace:
#   unshare -n bash hold-baresip.sh SOFTSWITCH_DLL WORKDIR
# baresip 1001 (Alice, 1 kHz tone) calls 1002 (Bob, auto-answer, 400 Hz tone). 3 s after the answer Alice puts the call on
# hold (/hold: a re-INVITE with a=sendonly), 3 s later resumes (/resume), and hangs up 3 s after that. Bob records what he
# hears: Alice's tone, then the switch's music on hold (a 440 + 660 Hz chord the script makes), then Alice again.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"
mkdir -p "$work/sounds/music" "$work/sounds/en"

setup_namespace_network
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/sounds/music/default.wav" synth 10 sine 440 sine 660 channels 1 vol 0.4
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone1k.wav" synth 30 sine 1000 vol 0.5
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone400.wav" synth 30 sine 400 vol 0.5

write_softswitch_config <<YAML
ivr:
  sounds: $work/sounds
extensions:
  - number: "1001"
    name: Alice
    password: hold-secret-1001
  - number: "1002"
    name: Bob
    password: hold-secret-1002
YAML
write_baresip_phone alice 1001 hold-secret-1001 15070 31000-31099 "$work/tone1k.wav" g711
write_baresip_phone bob 1002 hold-secret-1002 15072 31100-31199 "$work/tone400.wav" g711
echo "module            stdio.so" >> "$work/alice/config"
sed -i 's/$/;answermode=auto/' "$work/bob/accounts"

start_softswitch
timeout 60 baresip -f "$work/bob" -t 50 > "$work/bob.out" 2>&1 &
bob_pid=$!
await "$work/softswitch.out" "REGISTER 1002 -> 200" 1 10

# Alice's commands come on her standard input while the call runs (the stdio module reads them), each step sent once
# the switch says the previous one happened, so a busy machine shifts the times but not the order; the offsets into
# Bob's recording (which starts at the answer) are measured from the switch's own lines.
mkfifo "$work/alice.in"
timeout 40 baresip -f "$work/alice" -e "/dial sip:1002@127.0.0.1:$port" < "$work/alice.in" > "$work/alice.out" 2>&1 &
alice_pid=$!
exec 3>"$work/alice.in"
await "$work/softswitch.out" "answered; caller" 1 15; answered_at=$(date +%s.%N)
sleep 3; echo "/hold" >&3
await "$work/softswitch.out" "on hold by the caller" 1 10; held_at=$(date +%s.%N)
sleep 3; echo "/resume" >&3
await "$work/softswitch.out" "resumed; bridged again" 1 10; resumed_at=$(date +%s.%N)
sleep 3; echo "/hangup" >&3; sleep 1; echo "/quit" >&3
exec 3>&-
wait "$alice_pid"; echo "ALICE_EXIT=$?"
await "$work/softswitch.out" "call ended (normal, by the caller)" 1 5
kill -TERM "$bob_pid" 2>/dev/null; wait "$bob_pid"
stop_softswitch

bob=$(baresip_heard bob)
if [ -n "$bob" ]; then
  # Windows of 2 s: from 0.5 s after the answer, the hold and the resume (each step lasts 3 s).
  hold=$(python3 -c "print(round($held_at - $answered_at + 0.5, 2))"); after=$(python3 -c "print(round($resumed_at - $answered_at + 0.5, 2))")
  echo "BOB_BEFORE_TOTAL_DB=$(level_db "$bob" 1 0.5 2)"; echo "BOB_BEFORE_1K_DB=$(band_level_db "$bob" 1 0.5 2 950-1050)"
  echo "BOB_HOLD_TOTAL_DB=$(level_db "$bob" 1 "$hold" 2)"; echo "BOB_HOLD_440_DB=$(band_level_db "$bob" 1 "$hold" 2 420-460)"
  echo "BOB_HOLD_660_DB=$(band_level_db "$bob" 1 "$hold" 2 640-680)"; echo "BOB_HOLD_1K_DB=$(band_level_db "$bob" 1 "$hold" 2 950-1050)"
  echo "BOB_AFTER_TOTAL_DB=$(level_db "$bob" 1 "$after" 2)"; echo "BOB_AFTER_1K_DB=$(band_level_db "$bob" 1 "$after" 2 950-1050)"
  echo "BOB_AFTER_440_DB=$(band_level_db "$bob" 1 "$after" 2 420-460)"
fi
# The calls table, as an admin reads it: one row for the held and resumed call, media counted over the whole call.
echo "ROWS=$(sqlite3 "$work/data/softswitch.db" "SELECT count(*) FROM calls")"
echo "ROW=$(sqlite3 "$work/data/softswitch.db" \
  "SELECT caller || '|' || callee || '|' || hangup_cause || '|' || hangup_side || '|' || caller_codec || '|' || callee_codec FROM calls")"
echo "ROW_CALLER_RECEIVED=$(sqlite3 "$work/data/softswitch.db" "SELECT caller_packets_received FROM calls")"
echo "ROW_CALLEE_RECEIVED=$(sqlite3 "$work/data/softswitch.db" "SELECT callee_packets_received FROM calls")"
print_switch_count HELD 'on hold by the caller'
print_switch_count RESUMED 'resumed; bridged again'
