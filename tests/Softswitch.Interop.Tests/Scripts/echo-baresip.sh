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
sleep 1
kill -TERM "$switch_pid" 2>/dev/null; wait "$switch_pid"; echo "SOFTSWITCH_EXIT=$?"

recording=$(find "$work/rec" -name '*.wav' | head -1)
echo "RECORDING=$recording"
heard=$(ls "$work"/baresip/dump-*-dec.wav 2>/dev/null | head -1)
echo "HEARD=$heard"
level() { sox "$1" -n remix "$2" trim 1 2 stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
band() { sox "$1" -n remix "$2" trim 1 2 sinc 950-1050 stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
if [ -n "$recording" ]; then
  echo "REC_CHANNELS=$(soxi -c "$recording")"
  echo "REC_LEFT_TOTAL_DB=$(level "$recording" 1)"; echo "REC_LEFT_1K_DB=$(band "$recording" 1)"
  echo "REC_RIGHT_TOTAL_DB=$(level "$recording" 2)"; echo "REC_RIGHT_1K_DB=$(band "$recording" 2)"
fi
if [ -n "$heard" ]; then
  echo "HEARD_TOTAL_DB=$(level "$heard" 1)"; echo "HEARD_1K_DB=$(band "$heard" 1)"
fi
grep -c "echo answered" "$work/softswitch.out" | sed 's/^/ANSWERED=/'
grep -c "echo call ended (caller hung up)" "$work/softswitch.out" | sed 's/^/ENDED_BY_BYE=/'
