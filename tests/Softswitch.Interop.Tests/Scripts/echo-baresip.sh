#!/usr/bin/env bash
# Echo test with a real softphone, run inside a private network namespace (baresip refuses loopback media):
#   unshare -n bash echo-baresip.sh SOFTSWITCH_DLL WORKDIR
# baresip, registered as 1001, calls *43 playing a 1 kHz tone from a WAV file and records what it hears.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
dll="$1"; work="$2"
mkdir -p "$work/rec" "$work/baresip" "$work/data"

ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.253.0.1/24 dev v0
ip link set v0 up; ip link set v1 up
media=10.253.0.1
port=5080

sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone.wav" synth 6 sine 1000 vol 0.5
# In-band DTMF 1 5 9 #: 1 s of silence, then each digit 120 ms of its two tones and 120 ms of silence, then 3 s of silence.
python3 - "$work/dtmf.wav" <<'PY'
import math, struct, sys, wave
pairs = {'1': (697, 1209), '5': (770, 1336), '9': (852, 1477), '#': (941, 1477)}
rate, frames = 8000, []
def silence(ms): frames.extend([0] * (rate * ms // 1000))
silence(1000)
for digit in '159#':
    low, high = pairs[digit]
    for n in range(rate * 120 // 1000):
        t = n / rate
        frames.append(int(6000 * math.sin(2 * math.pi * low * t) + 6000 * math.sin(2 * math.pi * high * t)))
    silence(120)
silence(3000)
with wave.open(sys.argv[1], 'wb') as out:
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(rate)
    out.writeframes(struct.pack('<%dh' % len(frames), *frames))
PY

cat > "$work/softswitch.yaml" <<YAML
sip:
  listen: 127.0.0.1
  port: $port
  domain: softswitch.test
rtp:
  address: $media
  port_min: 30000
  port_max: 30100
storage:
  database: $work/data/softswitch.db
  recordings: $work/rec
logging:
  level: Debug
  file: $work/data/logs/softswitch-.log
extensions:
  - number: "1001"
    name: Echo Tester
    password: echo-secret-1001
routes:
  - match: "*43"
    echo: true
    record: true
YAML

cat > "$work/baresip/config" <<CFG
sip_listen        127.0.0.1:15070
audio_player      alsa,null
audio_source      aufile,$work/tone.wav
audio_alert       alsa,null
rtp_ports         31000-31099
module_path       /usr/lib/baresip/modules
module            g711.so
module            alsa.so
module            aufile.so
module            sndfile.so
module_tmp        account.so
module_app        menu.so
snd_path          $work/baresip
statmode_default  off
net_interface     v0
CFG
echo "<sip:1001@127.0.0.1:$port>;auth_pass=echo-secret-1001;regint=600" > "$work/baresip/accounts"
touch "$work/baresip/contacts"

dotnet "$dll" run --config "$work/softswitch.yaml" > "$work/softswitch.out" 2>&1 &
switch_pid=$!
for _ in $(seq 100); do grep -q "Softswitch SIP started" "$work/softswitch.out" && break; sleep 0.2; done

timeout 25 baresip -f "$work/baresip" -e "/dial sip:*43@127.0.0.1:$port" -t 14 > "$work/baresip.out" 2>&1 &
phone_pid=$!
wait "$phone_pid"; echo "BARESIP_EXIT=$?"
first_recording=$(find "$work/rec" -name '*.wav' | head -1)

# Second call: the same phone plays in-band DTMF tones instead of the 1 kHz tone.
mkdir -p "$work/baresip2"
sed -e "s#aufile,$work/tone.wav#aufile,$work/dtmf.wav#" -e "s#snd_path          $work/baresip#snd_path          $work/baresip2#" \
  "$work/baresip/config" > "$work/baresip2/config"
cp "$work/baresip/accounts" "$work/baresip/contacts" "$work/baresip2/"
timeout 25 baresip -f "$work/baresip2" -e "/dial sip:*43@127.0.0.1:$port" -t 9 > "$work/baresip2.out" 2>&1 &
phone_pid=$!
wait "$phone_pid"; echo "BARESIP2_EXIT=$?"
# Third call: Opus only (baresip's opus module wants 48 kHz stereo), echoed without decoding.
sox -n -r 48000 -c 2 -b 16 -e signed-integer "$work/tone48.wav" synth 5 sine 1000 vol 0.5
mkdir -p "$work/baresip3"
sed -e "s#aufile,$work/tone.wav#aufile,$work/tone48.wav#" -e "s#snd_path          $work/baresip#snd_path          $work/baresip3#" \
  -e "s#^module            g711.so#module            opus.so\nausrc_srate       48000\nausrc_channels    2#" \
  "$work/baresip/config" > "$work/baresip3/config"
cp "$work/baresip/accounts" "$work/baresip/contacts" "$work/baresip3/"
timeout 25 baresip -f "$work/baresip3" -e "/dial sip:*43@127.0.0.1:$port" -t 9 > "$work/baresip3.out" 2>&1 &
phone_pid=$!
wait "$phone_pid"; echo "BARESIP3_EXIT=$?"
sleep 1
kill -TERM "$switch_pid" 2>/dev/null; wait "$switch_pid"; echo "SOFTSWITCH_EXIT=$?"
echo "OPUS_ANSWERED=$(grep -c 'echo answered, [0-9]* opus/48000' "$work/softswitch.out")"
echo "INBAND_DIGITS=$(grep -o 'DTMF "\?.\?"\? received via "\?InBand' "$work/softswitch.out" | sed 's/DTMF "\?\(.\).*/\1/' | tr -d '\n')"

recording="$first_recording"
echo "RECORDING=$recording"
heard=$(ls "$work"/baresip/dump-*-dec.wav 2>/dev/null | head -1)
echo "HEARD=$heard"
level() { sox "$1" -n remix "$2" trim 1 2 stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
band() { sox "$1" -n remix "$2" trim 1 2 sinc -t 50 950-1050 stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
if [ -n "$recording" ]; then
  echo "REC_CHANNELS=$(soxi -c "$recording")"
  echo "REC_LEFT_TOTAL_DB=$(level "$recording" 1)"; echo "REC_LEFT_1K_DB=$(band "$recording" 1)"
  echo "REC_RIGHT_TOTAL_DB=$(level "$recording" 2)"; echo "REC_RIGHT_1K_DB=$(band "$recording" 2)"
fi
if [ -n "$heard" ]; then
  echo "HEARD_TOTAL_DB=$(level "$heard" 1)"; echo "HEARD_1K_DB=$(band "$heard" 1)"
fi
heard_opus=$(ls "$work"/baresip3/dump-*-dec.wav 2>/dev/null | head -1)
if [ -n "$heard_opus" ]; then
  echo "OPUS_HEARD_TOTAL_DB=$(level "$heard_opus" 1)"; echo "OPUS_HEARD_1K_DB=$(band "$heard_opus" 1)"
fi
grep -c "echo answered" "$work/softswitch.out" | sed 's/^/ANSWERED=/'
grep -c "echo call ended (caller hung up)" "$work/softswitch.out" | sed 's/^/ENDED_BY_BYE=/'
