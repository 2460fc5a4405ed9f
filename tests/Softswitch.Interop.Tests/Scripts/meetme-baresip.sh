#!/usr/bin/env bash
# Music on hold and the two-leg bridge with real softphones, inside a private network namespace:
#   unshare -n bash meetme-baresip.sh SOFTSWITCH_DLL WORKDIR
# 1. baresip as 1001 (PCMU) calls *45 (music: a 440 + 660 Hz chord the script makes) and records what it hears.
# 2. Meet-me *47: 1001 (PCMU, 1 kHz tone) calls first and waits with music; 1002 (Opus only, 400 Hz tone) calls
#    4 s later and is bridged to it (transcoded PCMU <-> Opus); 1002 hangs up and the switch hangs up 1001 with BYE.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
dll="$1"; work="$2"
mkdir -p "$work/rec" "$work/data" "$work/sounds/music" "$work/sounds/en"

ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.253.0.1/24 dev v0
ip link set v0 up; ip link set v1 up
media=10.253.0.1
port=5080

sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/sounds/music/default.wav" synth 10 sine 440 sine 660 channels 1 vol 0.4
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone1k.wav" synth 30 sine 1000 vol 0.5
sox -n -r 48000 -c 2 -b 16 -e signed-integer "$work/tone400.wav" synth 30 sine 400 vol 0.5

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
ivr:
  sounds: $work/sounds
logging:
  level: Debug
  file: $work/data/logs/softswitch-.log
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

# phone NAME EXTENSION SIP_PORT RTP_PORTS SOURCE_WAV CODEC_LINES
phone() {
  local dir="$work/$1"; mkdir -p "$dir"
  cat > "$dir/config" <<CFG
sip_listen        127.0.0.1:$3
audio_player      alsa,null
audio_source      aufile,$5
audio_alert       alsa,null
rtp_ports         $4
module_path       /usr/lib/baresip/modules
$6
module            alsa.so
module            aufile.so
module            sndfile.so
module_tmp        account.so
module_app        menu.so
snd_path          $dir
statmode_default  off
net_interface     v0
CFG
  echo "<sip:$2@127.0.0.1:$port>;auth_pass=meet-secret-$2;regint=600" > "$dir/accounts"
  touch "$dir/contacts"
}
phone music 1001 15070 31000-31099 "$work/sounds/music/default.wav" "module            g711.so"
phone alice 1001 15072 31100-31199 "$work/tone1k.wav" "module            g711.so"
phone bob 1002 15074 31200-31299 "$work/tone400.wav" "module            opus.so
ausrc_srate       48000
ausrc_channels    2"

dotnet "$dll" run --config "$work/softswitch.yaml" > "$work/softswitch.out" 2>&1 &
switch_pid=$!
for _ in $(seq 100); do grep -q "Softswitch SIP started" "$work/softswitch.out" && break; sleep 0.2; done

timeout 20 baresip -f "$work/music" -e "/dial sip:*45@127.0.0.1:$port" -t 7 > "$work/music.out" 2>&1 &
music_pid=$!
wait "$music_pid"; echo "MUSIC_EXIT=$?"

timeout 40 baresip -f "$work/alice" -e "/dial sip:*47@127.0.0.1:$port" -t 20 > "$work/alice.out" 2>&1 &
alice_pid=$!
sleep 4
timeout 30 baresip -f "$work/bob" -e "/dial sip:*47@127.0.0.1:$port" -t 9 > "$work/bob.out" 2>&1 &
bob_pid=$!
wait "$bob_pid"; echo "BOB_EXIT=$?"
# The switch must hang Alice up as soon as Bob is gone: her baresip would stay until -t 20 otherwise.
for _ in $(seq 50); do grep -q "meet-me call ended (we hung up)" "$work/softswitch.out" && break; sleep 0.1; done
wait "$alice_pid"; echo "ALICE_EXIT=$?"
sleep 1
kill -TERM "$switch_pid" 2>/dev/null; wait "$switch_pid"; echo "SOFTSWITCH_EXIT=$?"

level() { sox "$1" -n remix "$2" trim "$3" "$4" stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
band() { sox "$1" -n remix "$2" trim "$3" "$4" sinc -t 50 "$5" stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
heard() { ls "$work/$1"/dump-*-dec.wav 2>/dev/null | head -1; }

music=$(heard music)
if [ -n "$music" ]; then
  echo "MUSIC_TOTAL_DB=$(level "$music" 1 1 4)"; echo "MUSIC_440_DB=$(band "$music" 1 1 4 420-460)"; echo "MUSIC_660_DB=$(band "$music" 1 1 4 640-680)"
fi
alice=$(heard alice); bob=$(heard bob)
if [ -n "$alice" ]; then
  # Alice waits with music for about 4 s, then hears Bob's 400 Hz.
  echo "ALICE_WAIT_TOTAL_DB=$(level "$alice" 1 1 2)"; echo "ALICE_WAIT_440_DB=$(band "$alice" 1 1 2 420-460)"
  echo "ALICE_TOTAL_DB=$(level "$alice" 1 7 3)"; echo "ALICE_400_DB=$(band "$alice" 1 7 3 380-420)"
fi
if [ -n "$bob" ]; then
  echo "BOB_TOTAL_DB=$(level "$bob" 1 2 3)"; echo "BOB_1K_DB=$(band "$bob" 1 2 3 950-1050)"
fi
for rec in $(find "$work/rec" -name '*.wav'); do
  # Alice's call (PCMU, 8 kHz): left her 1 kHz, right Bob's 400 Hz once bridged; Bob's (Opus, 16 kHz) the other way round.
  name=$([ "$(soxi -r "$rec")" = "8000" ] && echo ALICE || echo BOB)
  echo "REC_${name}_CHANNELS=$(soxi -c "$rec")"; echo "REC_${name}_RATE=$(soxi -r "$rec")"
  start=$([ "$name" = ALICE ] && echo 7 || echo 2)
  echo "REC_${name}_LEFT_TOTAL_DB=$(level "$rec" 1 "$start" 3)"; echo "REC_${name}_RIGHT_TOTAL_DB=$(level "$rec" 2 "$start" 3)"
  echo "REC_${name}_LEFT_1K_DB=$(band "$rec" 1 "$start" 3 950-1050)"; echo "REC_${name}_LEFT_400_DB=$(band "$rec" 1 "$start" 3 380-420)"
  echo "REC_${name}_RIGHT_1K_DB=$(band "$rec" 2 "$start" 3 950-1050)"; echo "REC_${name}_RIGHT_400_DB=$(band "$rec" 2 "$start" 3 380-420)"
done
echo "MUSIC_ANSWERED=$(grep -c 'music default answered, 0 PCMU' "$work/softswitch.out")"
echo "BRIDGED=$(grep -c 'bridged with .* (0 PCMU/8000 <-> [0-9]* opus/48000' "$work/softswitch.out")"
echo "BRIDGE_ENDED=$(grep -c 'bridge with .* ended' "$work/softswitch.out")"
echo "ALICE_HUNG_UP_BY_SWITCH=$(grep -c 'meet-me call ended (we hung up)' "$work/softswitch.out")"
echo "BOB_HUNG_UP=$(grep -c 'meet-me call ended (caller hung up)' "$work/softswitch.out")"
