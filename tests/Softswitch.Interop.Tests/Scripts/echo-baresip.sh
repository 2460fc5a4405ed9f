#!/usr/bin/env bash
# Echo test with a real softphone, run inside a private network namespace (baresip refuses loopback media):
#   unshare -n bash echo-baresip.sh SOFTSWITCH_DLL WORKDIR
# baresip, registered as 1001, calls *43 playing a 1 kHz tone from a WAV file and records what it hears.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"

setup_namespace_network
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone.wav" synth 6 sine 1000 vol 0.5
write_dtmf_wav "$work/dtmf.wav" 3000
# Opus only (baresip's opus module wants 48 kHz stereo).
sox -n -r 48000 -c 2 -b 16 -e signed-integer "$work/tone48.wav" synth 5 sine 1000 vol 0.5

write_softswitch_config <<YAML
extensions:
  - number: "1001"
    name: Echo Tester
    password: echo-secret-1001
routes:
  - match: "*43"
    echo: true
    record: true
YAML
# One phone per call, all 1001 on the same ports (they never run at once), each with its own recording folder.
write_baresip_phone baresip 1001 echo-secret-1001 15070 31000-31099 "$work/tone.wav" g711
write_baresip_phone baresip2 1001 echo-secret-1001 15070 31000-31099 "$work/dtmf.wav" g711
write_baresip_phone baresip3 1001 echo-secret-1001 15070 31000-31099 "$work/tone48.wav" opus

start_softswitch
call_with_baresip BARESIP_EXIT baresip "*43" 25 14
first_recording=$(find "$work/rec" -name '*.wav' | head -1)
# Second call: the same phone plays in-band DTMF tones instead of the 1 kHz tone.
call_with_baresip BARESIP2_EXIT baresip2 "*43" 25 9
# Third call: Opus only, echoed without decoding.
call_with_baresip BARESIP3_EXIT baresip3 "*43" 25 9
sleep 1
stop_softswitch
print_switch_count OPUS_ANSWERED 'echo answered, [0-9]* opus/48000'
echo "INBAND_DIGITS=$(digits_received InBand)"

recording="$first_recording"
echo "RECORDING=$recording"
heard=$(baresip_heard baresip)
echo "HEARD=$heard"
if [ -n "$recording" ]; then
  echo "REC_CHANNELS=$(soxi -c "$recording")"
  echo "REC_LEFT_TOTAL_DB=$(level_db "$recording" 1)"; echo "REC_LEFT_1K_DB=$(band_level_db "$recording" 1)"
  echo "REC_RIGHT_TOTAL_DB=$(level_db "$recording" 2)"; echo "REC_RIGHT_1K_DB=$(band_level_db "$recording" 2)"
fi
if [ -n "$heard" ]; then
  echo "HEARD_TOTAL_DB=$(level_db "$heard" 1)"; echo "HEARD_1K_DB=$(band_level_db "$heard" 1)"
fi
heard_opus=$(baresip_heard baresip3)
if [ -n "$heard_opus" ]; then
  echo "OPUS_HEARD_TOTAL_DB=$(level_db "$heard_opus" 1)"; echo "OPUS_HEARD_1K_DB=$(band_level_db "$heard_opus" 1)"
fi
print_switch_count ANSWERED "echo answered"
print_switch_count ENDED_BY_BYE "echo call ended (normal, by the caller)"
