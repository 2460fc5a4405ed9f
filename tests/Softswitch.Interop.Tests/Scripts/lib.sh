# Shared by the Scripts/*.sh phone scenarios, which source it from their own folder (the source tree, or the test
# output, where the csproj copies Scripts/**):
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# The scenario sets `set -uo pipefail` and the globals dll (the built softswitch.dll) and work (its work folder);
# setup_namespace_network sets media and port. Only what every scenario does the same way lives here.

# Whatever a scenario started in the background and still runs when the script ends (after a failure or an unset
# variable) is stopped by its PID, so no softswitch or phone outlives the test. Jobs already waited for are not listed,
# so a PID the system has handed out again is never hit.
stop_leftovers() {
  local pid
  for pid in $(jobs -p); do kill -TERM "$pid" 2>/dev/null; done
}
trap stop_leftovers EXIT

# setup_namespace_network: a veth pair inside the private namespace (`unshare -n`), because baresip refuses loopback
# addresses for its media; SIP stays on 127.0.0.1, media goes over 10.253.0.1, which exists only in this namespace.
setup_namespace_network() {
  ip link set lo up
  ip link add v0 type veth peer name v1
  ip addr add 10.253.0.1/24 dev v0
  ip link set v0 up; ip link set v1 up
  media=10.253.0.1
  port=5080
}

# write_dtmf_wav FILE TRAILING_SILENCE_MS: in-band DTMF 1 5 9 # at 8 kHz, so the switch's tone detector has real
# audio to work on: 1 s of silence, then each digit 120 ms of its two tones and 120 ms of silence, then the trailing
# silence (how long the call stays up after the last digit).
write_dtmf_wav() {
  python3 - "$1" "$2" <<'PY'
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
silence(int(sys.argv[2]))
with wave.open(sys.argv[1], 'wb') as out:
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(rate)
    out.writeframes(struct.pack('<%dh' % len(frames), *frames))
PY
}

# write_softswitch_config < SCENARIO_YAML: $work/softswitch.yaml with SIP on 127.0.0.1:$port, media on $media, the
# database, recordings and debug log under $work (so the work folder holds all the test needs to read), followed by
# the scenario's own sections (extensions, routes, ivr) from standard input.
write_softswitch_config() {
  mkdir -p "$work/rec" "$work/data"
  {
    cat <<YAML
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
YAML
    cat
  } > "$work/softswitch.yaml"
}

# await FILE PATTERN COUNT [SECONDS]: waits (10 s unless told) until PATTERN has matched COUNT lines of FILE; the
# phones and the switch only say what they did in their output, so this is how a scenario knows a step is done.
await() {
  local seen
  for _ in $(seq $(( ${4:-10} * 10 ))); do
    seen=$(grep -c -- "$2" "$1" 2>/dev/null)
    [ "${seen:-0}" -ge "$3" ] && return 0
    sleep 0.1
  done
  echo "TIMEOUT waiting for $3 x '$2' in $1" >&2; return 1
}

# start_softswitch [--section:key=value ...]: runs the built switch on $work/softswitch.yaml (and the overrides given)
# in the background (output in softswitch.out) and waits up to 20 s for its SIP side, so the phones do not register
# against a port nobody listens on yet.
start_softswitch() {
  dotnet "$dll" run --config "$work/softswitch.yaml" "$@" > "$work/softswitch.out" 2>&1 &
  switch_pid=$!
  await "$work/softswitch.out" "Softswitch SIP started" 1 20
}

# stop_softswitch: SIGTERM, the switch's graceful shutdown, and prints SOFTSWITCH_EXIT so the test sees it was clean.
stop_softswitch() {
  kill -TERM "$switch_pid" 2>/dev/null; wait "$switch_pid"; echo "SOFTSWITCH_EXIT=$?"
}

# write_baresip_phone NAME EXTENSION PASSWORD SIP_PORT RTP_PORTS SOURCE_WAV CODEC: a baresip config folder
# $work/NAME registered as EXTENSION that plays SOURCE_WAV into every call and records what it hears there
# (sndfile); CODEC is g711 or opus (baresip's opus module wants 48 kHz stereo). Each phone on the machine needs its
# own SIP port (baresip also opens port + 1) and RTP range.
write_baresip_phone() {
  local dir="$work/$1" codec
  case "$7" in
    g711) codec="module            g711.so" ;;
    opus) codec=$'module            opus.so\nausrc_srate       48000\nausrc_channels    2' ;;
    *) echo "write_baresip_phone: unknown codec $7" >&2; return 1 ;;
  esac
  mkdir -p "$dir"
  cat > "$dir/config" <<CFG
sip_listen        127.0.0.1:$4
audio_player      alsa,null
audio_source      aufile,$6
audio_alert       alsa,null
rtp_ports         $5
module_path       /usr/lib/baresip/modules
$codec
module            alsa.so
module            aufile.so
module            sndfile.so
module_tmp        account.so
module_app        menu.so
snd_path          $dir
statmode_default  off
net_interface     v0
CFG
  echo "<sip:$2@127.0.0.1:$port>;auth_pass=$3;regint=600" > "$dir/accounts"
  touch "$dir/contacts"
}

# dial_with_baresip NAME NUMBER LIMIT_SECONDS CALL_SECONDS: the phone in $work/NAME calls NUMBER in the background
# (output in $work/NAME.out; the caller takes the PID from $!); baresip quits after CALL_SECONDS, and timeout stops
# it at LIMIT_SECONDS should it hang.
dial_with_baresip() {
  timeout "$3" baresip -f "$work/$1" -e "/dial sip:$2@127.0.0.1:$port" -t "$4" > "$work/$1.out" 2>&1 &
}

# call_with_baresip KEY NAME NUMBER LIMIT_SECONDS CALL_SECONDS: as dial_with_baresip, but waits for the call to end
# and prints KEY=baresip's exit status (124 if timeout had to stop it), so the test sees the phone finished on its own.
call_with_baresip() {
  dial_with_baresip "$2" "$3" "$4" "$5"
  wait "$!"; echo "$1=$?"
}

# baresip_heard NAME: the WAV of what the phone in $work/NAME received (sndfile's dump-*-dec.wav), empty if none.
baresip_heard() {
  ls "$work/$1"/dump-*-dec.wav 2>/dev/null | head -1
}

# level_db FILE CHANNEL [START SECONDS]: RMS level in dB of one channel over a window (2 s from 1 s in unless told):
# the call's first second is skipped, as the media path is still starting up then.
level_db() {
  sox "$1" -n remix "$2" trim "${3:-1}" "${4:-2}" stats 2>&1 | awk '/RMS lev dB/ {print $4}'
}

# band_level_db FILE CHANNEL [START SECONDS [BAND]]: as level_db, but only within BAND Hz (950-1050 unless told): a
# tone is there when this is within a few dB of the total (TESTING.md).
band_level_db() {
  sox "$1" -n remix "$2" trim "${3:-1}" "${4:-2}" sinc -t 50 "${5:-950-1050}" stats 2>&1 | awk '/RMS lev dB/ {print $4}'
}

# digits_received METHOD: the DTMF digits the switch logged as received via METHOD (Rfc4733, InBand, SipInfo), in order.
digits_received() {
  grep -o "DTMF \"\?.\?\"\? received via \"\?$1" "$work/softswitch.out" | sed 's/DTMF "\?\(.\).*/\1/' | tr -d '\n'
}

# print_switch_count KEY PATTERN: prints KEY=how many lines of the switch's output match PATTERN, for the test to check.
print_switch_count() {
  echo "$1=$(grep -c -- "$2" "$work/softswitch.out")"
}
