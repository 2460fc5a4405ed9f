# Shared by transfer-baresip.sh and transfer-linphone.sh (sourced after lib.sh, with dll and work set):
# setup_transfer_office: the namespace network, music on hold, three tones and a switch with Alice 1001, Bob 1002 and
# Carol 1003; Alice (baresip, 1 kHz) and Carol (baresip, 400 Hz, auto-answer) are written, Bob is the script's own.
setup_transfer_office() {
  mkdir -p "$work/sounds/music" "$work/sounds/en"
  setup_namespace_network
  sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/sounds/music/default.wav" synth 10 sine 440 sine 660 channels 1 vol 0.4
  local hertz
  for hertz in 1000 2000 400; do
    sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone$hertz.wav" synth 30 sine "$hertz" vol 0.5
  done
  write_softswitch_config <<YAML
ivr:
  sounds: $work/sounds
extensions:
  - number: "1001"
    name: Alice
    password: xfer-secret-1001
  - number: "1002"
    name: Bob
    password: xfer-secret-1002
  - number: "1003"
    name: Carol
    password: xfer-secret-1003
YAML
  write_baresip_phone alice 1001 xfer-secret-1001 15070 31000-31099 "$work/tone1000.wav" g711
  write_baresip_phone carol 1003 xfer-secret-1003 15074 31200-31299 "$work/tone400.wav" g711
  sed -i 's/$/;answermode=auto/' "$work/carol/accounts"
}
