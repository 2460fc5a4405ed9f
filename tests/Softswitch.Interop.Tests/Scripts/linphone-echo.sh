#!/usr/bin/env bash
# Echo and DTMF tests with linphonec (linphone-cli 5.1), run inside a private network namespace:
#   unshare -n bash linphone-echo.sh SOFTSWITCH_DLL WORKDIR
# linphonec registers as 1001 (digest) and, with its file-based sound ("soundcard use files", "play", "record"):
#   1. a G.711 phone calls *43 playing a 1 kHz tone, records what it hears and sends 1 5 9 # as RFC 4733 events;
#   2. the same phone calls *43 playing in-band DTMF 1 5 9 # from a WAV file;
#   3. the same phone calls *43 and sends 1 5 9 # as SIP INFO (use_info=1, use_rfc2833=0);
#   4. an Opus-only phone (a second linphonec) calls *43 playing the tone and records what it hears.
# Every call ends with linphonec's "terminate" (BYE from the phone). With no route in the namespace linphone offers
# media on 127.0.0.1; the switch's media stays on the veth address.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
# lib.sh stops whatever still runs at exit (after a failure) by its PID.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"
# A linphonec that died must not kill this script through SIGPIPE on its command FIFO.
trap '' PIPE
mkdir -p "$work/g711/home/.local/share/linphone" "$work/opus/home/.local/share/linphone"

setup_namespace_network

sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone.wav" synth 8 sine 1000 vol 0.5
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/silence.wav" trim 0 4
write_dtmf_wav "$work/dtmf.wav" 2000

write_softswitch_config <<YAML
extensions:
  - number: "1001"
    name: Linphone Tester
    password: linphone-secret-1001
routes:
  - match: "*43"
    echo: true
    record: true
YAML

# linphonerc DIR SIP_PORT RTP_PORT ENABLED_CODECS: only the codecs named (space-separated mime types) are enabled.
linphonerc() {
  local rc="$1/rc" index=0 spec mime
  cat > "$rc" <<RC
[sip]
sip_port=$2
sip_tcp_port=-1
sip_tls_port=-1
use_ipv6=0
default_proxy=0
use_info=0
use_rfc2833=1
[rtp]
audio_rtp_port=$3
[sound]
echocancellation=0
[proxy_0]
reg_proxy=<sip:127.0.0.1:$port>
reg_identity=sip:1001@127.0.0.1:$port
reg_expires=600
reg_sendregister=1
[auth_info_0]
username=1001
passwd=linphone-secret-1001
RC
  for spec in opus/48000/2 speex/16000/1 speex/8000/1 PCMU/8000/1 PCMA/8000/1 G729/8000/1 GSM/8000/1 G722/8000/1; do
    mime="${spec%%/*}"
    IFS=/ read -r _ rate channels <<< "$spec"
    printf '[audio_codec_%d]\nmime=%s\nrate=%s\nchannels=%s\nenabled=%d\n' "$index" "$mime" "$rate" "$channels" \
      "$([[ " $4 " == *" $mime "* ]] && echo 1 || echo 0)" >> "$rc"
    index=$((index + 1))
  done
}
linphonerc "$work/g711" 15080 31000 "PCMU PCMA"
linphonerc "$work/opus" 15082 31100 "opus"

# linphonec's SDP names 127.0.0.1 (its SIP address) but its RTP leaves from 10.253.0.1: a source neither its SDP nor
# its SIP names, which strict latching learns only after rtp.relatch_after_ms without media (default 2 s). The in-band
# digits start 1 s into the call, so this phone gets the shorter wait an admin would give such phones.
start_softswitch --rtp:relatch_after_ms=500

# start_phone NAME: linphonec reading commands from a FIFO held open on file descriptor 3.
start_phone() {
  mkfifo "$work/$1/commands"
  HOME="$work/$1/home" timeout 45 linphonec -c "$work/$1/rc" -d 6 -l "$work/$1/linphone.log" \
    < "$work/$1/commands" > "$work/$1/linphonec.out" 2>&1 &
  phone_pid=$!
  exec 3> "$work/$1/commands"
  echo "soundcard use files" >&3
  echo "codec list" >&3
}
# stop_phone: "quit", then waits for linphonec to exit.
stop_phone() {
  echo "quit" >&3
  exec 3>&-
  wait "$phone_pid"
}
# send_digits DIGITS: one line per digit (linphonec sends a lone digit as DTMF on the current call). linphonec takes
# about 1 s per digit line and reads no SIP meanwhile (seen in its log), so the digits are spaced to match.
send_digits() {
  local digit
  for digit in $(echo "$1" | grep -o .); do echo "$digit" >&3; sleep 1.2; done
}
# send_info_digits DIGITS: as send_digits, but each digit waits until linphone has taken the 200 to the INFO before:
# linphone holds a second INFO in the dialog until then, and drops what it holds when the call ends.
send_info_digits() {
  local digit sent=0
  for digit in $(echo "$1" | grep -o .); do
    echo "$digit" >&3; sent=$((sent + 1))
    await "$work/g711/linphone.log" "\[INFO\] transaction .* to \[COMPLETED\]" "$sent"
  done
}

start_phone g711
await "$work/softswitch.out" "REGISTER 1001 -> 200.*from udp:127.0.0.1:15080" 1
# Call 1: the tone, then RFC 4733 digits once the tone has been heard for a while.
echo "play $work/tone.wav" >&3
echo "record $work/g711/heard-tone.wav" >&3
echo "call sip:*43@127.0.0.1:$port" >&3
await "$work/g711/linphonec.out" "connected\." 1 && sleep 4
send_digits "159#"
echo "terminate" >&3
await "$work/g711/linphonec.out" "ended" 1
# Call 2: in-band DTMF tones from the WAV file (recorded elsewhere so the tone recording stays).
echo "play $work/dtmf.wav" >&3
echo "record $work/g711/heard-dtmf.wav" >&3
echo "call sip:*43@127.0.0.1:$port" >&3
await "$work/g711/linphonec.out" "connected\." 2 && sleep 3.5
echo "terminate" >&3
await "$work/g711/linphonec.out" "ended" 2
# Call 3: SIP INFO digits, silence otherwise.
echo "param sip use_info 1" >&3
echo "param sip use_rfc2833 0" >&3
echo "play $work/silence.wav" >&3
echo "call sip:*43@127.0.0.1:$port" >&3
await "$work/g711/linphonec.out" "connected\." 3 && sleep 0.5
send_info_digits "159#"
echo "terminate" >&3
await "$work/g711/linphonec.out" "ended" 3
stop_phone; echo "G711_PHONE_EXIT=$?"

# Call 4: a second phone with Opus only.
start_phone opus
await "$work/softswitch.out" "REGISTER 1001 -> 200.*from udp:127.0.0.1:15082" 1
echo "play $work/tone.wav" >&3
echo "record $work/opus/heard-tone.wav" >&3
echo "call sip:*43@127.0.0.1:$port" >&3
await "$work/opus/linphonec.out" "connected\." 1 && sleep 4
echo "terminate" >&3
await "$work/opus/linphonec.out" "ended" 1
stop_phone; echo "OPUS_PHONE_EXIT=$?"

sleep 0.5
stop_softswitch

print_switch_count G711_REGISTERED 'REGISTER 1001 -> 200, [1-9] binding(s), from udp:127.0.0.1:15080'
print_switch_count OPUS_REGISTERED 'REGISTER 1001 -> 200, [1-9] binding(s), from udp:127.0.0.1:15082'
echo "REGISTER_CHALLENGED=$(cat "$work"/*/linphone.log | grep -c '^SIP/2.0 401 Unauthorized')"
echo "REGISTER_DIGEST_SENT=$(cat "$work"/*/linphone.log | grep -A20 '^REGISTER ' | grep -c '^Authorization: *Digest .*username="1001"')"
print_switch_count PCMU_ANSWERED 'echo answered, 0 PCMU/8000'
# Codecs in the Opus phone's SDP (its offers and the switch's answer), telephone-event aside.
echo "OPUS_PHONE_CODECS=$(grep -o '^a=rtpmap:[0-9]* [^ ]*' "$work/opus/linphone.log" | awk '{print $2}' | grep -v telephone-event | sort -u | tr '\n' ' ')"
print_switch_count OPUS_ANSWERED 'echo answered, [0-9]* opus/48000'
print_switch_count ANSWERED 'echo answered'
print_switch_count ENDED_BY_BYE 'echo call ended (normal, by the caller)'
echo "RFC4733_DIGITS=$(digits_received Rfc4733)"
echo "INBAND_DIGITS=$(digits_received InBand)"
echo "SIPINFO_DIGITS=$(digits_received SipInfo)"
for name in g711 opus; do
  heard="$work/$name/heard-tone.wav"
  key=$(echo "$name" | tr a-z A-Z)
  [ -s "$heard" ] || continue
  echo "${key}_HEARD_RATE=$(soxi -r "$heard")"
  echo "${key}_HEARD_TOTAL_DB=$(level_db "$heard" 1)"; echo "${key}_HEARD_1K_DB=$(band_level_db "$heard" 1)"
done
