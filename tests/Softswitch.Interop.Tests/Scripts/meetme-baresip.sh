#!/usr/bin/env bash
# Music on hold and the two-leg bridge with real softphones, inside a private network namespace:
#   unshare -n bash meetme-baresip.sh SOFTSWITCH_DLL WORKDIR
# 1. baresip as 1001 (PCMU) calls *45 (music: a 440 + 660 Hz chord the script makes) and records what it hears.
# 2. Meet-me *47: 1001 (PCMU, 1 kHz tone) calls first and waits with music; 1002 (Opus only, 400 Hz tone) calls
#    4 s later and is bridged to it (transcoded PCMU <-> Opus); 1002 hangs up and the switch hangs up 1001 with BYE.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"
mkdir -p "$work/sounds/music" "$work/sounds/en"

setup_namespace_network
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/sounds/music/default.wav" synth 10 sine 440 sine 660 channels 1 vol 0.4
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone1k.wav" synth 30 sine 1000 vol 0.5
sox -n -r 48000 -c 2 -b 16 -e signed-integer "$work/tone400.wav" synth 30 sine 400 vol 0.5

write_softswitch_config <<YAML
ivr:
  sounds: $work/sounds
extensions:
  - number: "1001"
    name: Alice
    password: meet-secret-1001
  - number: "1002"
    name: Bob
    password: meet-secret-1002
routes:
  - match: "*45"
    music: default
  - match: "*47"
    meet_me: true
    record: true
YAML
write_baresip_phone music 1001 meet-secret-1001 15070 31000-31099 "$work/sounds/music/default.wav" g711
write_baresip_phone alice 1001 meet-secret-1001 15072 31100-31199 "$work/tone1k.wav" g711
write_baresip_phone bob 1002 meet-secret-1002 15074 31200-31299 "$work/tone400.wav" opus

start_softswitch
call_with_baresip MUSIC_EXIT music "*45" 20 7

dial_with_baresip alice "*47" 40 20
alice_pid=$!
sleep 4
call_with_baresip BOB_EXIT bob "*47" 30 9
# The switch must hang Alice up as soon as Bob is gone: her baresip would stay until -t 20 otherwise.
await "$work/softswitch.out" "meet-me call ended (normal, by the switch)" 1 5
wait "$alice_pid"; echo "ALICE_EXIT=$?"
sleep 1
stop_softswitch

music=$(baresip_heard music)
if [ -n "$music" ]; then
  echo "MUSIC_TOTAL_DB=$(level_db "$music" 1 1 4)"
  echo "MUSIC_440_DB=$(band_level_db "$music" 1 1 4 420-460)"; echo "MUSIC_660_DB=$(band_level_db "$music" 1 1 4 640-680)"
fi
alice=$(baresip_heard alice); bob=$(baresip_heard bob)
if [ -n "$alice" ]; then
  # Alice waits with music for about 4 s, then hears Bob's 400 Hz.
  echo "ALICE_WAIT_TOTAL_DB=$(level_db "$alice" 1 1 2)"; echo "ALICE_WAIT_440_DB=$(band_level_db "$alice" 1 1 2 420-460)"
  echo "ALICE_TOTAL_DB=$(level_db "$alice" 1 7 3)"; echo "ALICE_400_DB=$(band_level_db "$alice" 1 7 3 380-420)"
fi
if [ -n "$bob" ]; then
  echo "BOB_TOTAL_DB=$(level_db "$bob" 1 2 3)"; echo "BOB_1K_DB=$(band_level_db "$bob" 1 2 3 950-1050)"
fi
for rec in $(find "$work/rec" -name '*.wav'); do
  # Alice's call (PCMU, 8 kHz): left her 1 kHz, right Bob's 400 Hz once bridged; Bob's (Opus, 16 kHz) the other way round.
  name=$([ "$(soxi -r "$rec")" = "8000" ] && echo ALICE || echo BOB)
  echo "REC_${name}_CHANNELS=$(soxi -c "$rec")"; echo "REC_${name}_RATE=$(soxi -r "$rec")"
  start=$([ "$name" = ALICE ] && echo 7 || echo 2)
  echo "REC_${name}_LEFT_TOTAL_DB=$(level_db "$rec" 1 "$start" 3)"; echo "REC_${name}_RIGHT_TOTAL_DB=$(level_db "$rec" 2 "$start" 3)"
  echo "REC_${name}_LEFT_1K_DB=$(band_level_db "$rec" 1 "$start" 3 950-1050)"; echo "REC_${name}_LEFT_400_DB=$(band_level_db "$rec" 1 "$start" 3 380-420)"
  echo "REC_${name}_RIGHT_1K_DB=$(band_level_db "$rec" 2 "$start" 3 950-1050)"; echo "REC_${name}_RIGHT_400_DB=$(band_level_db "$rec" 2 "$start" 3 380-420)"
done
print_switch_count MUSIC_ANSWERED 'music default answered, 0 PCMU'
print_switch_count BRIDGED 'bridged with .* (0 PCMU/8000 <-> [0-9]* opus/48000'
print_switch_count BRIDGE_ENDED 'bridge with .* ended'
print_switch_count ALICE_HUNG_UP_BY_SWITCH 'meet-me call ended (normal, by the switch)'
print_switch_count BOB_HUNG_UP 'meet-me call ended (normal, by the caller)'
