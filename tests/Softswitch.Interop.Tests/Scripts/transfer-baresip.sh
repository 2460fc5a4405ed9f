#!/usr/bin/env bash
# Blind transfer from a real softphone, inside a private network namespace:
#   unshare -n bash transfer-baresip.sh SOFTSWITCH_DLL WORKDIR
# baresip 1001 (Alice, 1 kHz tone) calls 1002 (Bob, auto-answer, 2 kHz tone). 2 s after the answer Bob transfers the
# call to 1003 (Carol, auto-answer, 400 Hz tone) with baresip's /transfer (REFER, RFC 3515); the switch rings Carol,
# bridges Alice to her and hangs Bob up. Alice hangs up 10 s after she dialled. Carol records what she hears (Alice's
# tone, never Bob's), Alice records what she hears (Carol's tone at the end).
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"
source "$(dirname "${BASH_SOURCE[0]}")/transfer-office.sh"
setup_transfer_office
write_baresip_phone bob 1002 xfer-secret-1002 15072 31100-31199 "$work/tone2000.wav" g711
echo "module            stdio.so" >> "$work/bob/config"
sed -i 's/$/;answermode=auto/' "$work/bob/accounts"

start_softswitch
timeout 40 baresip -f "$work/carol" -t 30 > "$work/carol.out" 2>&1 &
carol_pid=$!
mkfifo "$work/bob.in"
timeout 40 baresip -f "$work/bob" < "$work/bob.in" > "$work/bob.out" 2>&1 &
bob_pid=$!
exec 3>"$work/bob.in"
await "$work/softswitch.out" "REGISTER 1002 -> 200" 1 10
await "$work/softswitch.out" "REGISTER 1003 -> 200" 1 10

# Bob's command comes on his standard input (the stdio module reads it) once the switch says the call was answered.
dial_with_baresip alice 1002 30 12
alice_pid=$!
await "$work/softswitch.out" "answered; caller" 1 15
sleep 2; echo "/transfer sip:1003@127.0.0.1:$port" >&3
await "$work/softswitch.out" "transferred: 1001 now talks to 1003" 1 15; transferred_at=$(date +%s.%N)
wait "$alice_pid"; echo "ALICE_EXIT=$?"
await "$work/softswitch.out" "call ended (normal, by the caller)" 1 5
echo "/quit" >&3; exec 3>&-
wait "$bob_pid"; echo "BOB_EXIT=$?"
kill -TERM "$carol_pid" 2>/dev/null; wait "$carol_pid"
stop_softswitch

# Carol's recording starts at her answer: she hears Alice's 1 kHz and nothing of Bob's 2 kHz.
carol=$(baresip_heard carol)
[ -n "$carol" ] && { echo "CAROL_TOTAL_DB=$(level_db "$carol" 1 1 3)"; echo "CAROL_1K_DB=$(band_level_db "$carol" 1 1 3 950-1050)";
  echo "CAROL_2K_DB=$(band_level_db "$carol" 1 1 3 1950-2050)"; }
# Alice's ends with Carol: the last 3 s before her hang-up.
alice=$(baresip_heard alice)
if [ -n "$alice" ]; then
  length=$(soxi -D "$alice"); from=$(python3 -c "print(max(0, round($length - 4, 2)))")
  echo "ALICE_END_TOTAL_DB=$(level_db "$alice" 1 "$from" 3)"; echo "ALICE_END_400_DB=$(band_level_db "$alice" 1 "$from" 3 380-420)"
fi
echo "BOB_CALL_ENDED=$(grep -c 'Call with sip:1001@softswitch.test terminated' "$work/bob.out")"
print_switch_count REFERRED 'transfers 1001 to 1003'
print_switch_count TRANSFERRED 'transferred: 1001 now talks to 1003'
print_switch_count CALLER_HUNG_UP 'call ended (normal, by the caller)'
while IFS='|' read -r caller callee cause side; do
  echo "ROW=${caller}|${callee}|${cause}|${side}"
done < <(sqlite3 "$work/data/softswitch.db" "SELECT caller, callee, hangup_cause, hangup_side FROM calls ORDER BY id")
