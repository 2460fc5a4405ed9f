#!/usr/bin/env bash
# Regenerates the demo prompts: sounds/<language>/<name>.wav and sounds/music/default.wav.
# Speech comes from espeak-ng, music from sox's synthesiser; everything is 8 kHz mono 16-bit PCM.
# Usage: sounds/generate.sh            (from anywhere; writes next to this script)
set -euo pipefail

for tool in espeak-ng sox; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "generate.sh: '$tool' is not installed. Install it with: apt-get install -y espeak-ng sox" >&2
    exit 1
  fi
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# speak VOICE OUTPUT TEXT: espeak-ng at 22.05 kHz, then telephone band, 8 kHz, peak -3 dBFS, 150 ms of silence after.
# -D (no dither) keeps the output byte-identical from run to run.
speak() {
  local voice="$1" out="$2" text="$3"
  mkdir -p "$(dirname "$out")"
  espeak-ng -v "$voice" -s 150 -w "$work/speech.wav" "$text"
  sox -D "$work/speech.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out" highpass 120 norm -3 pad 0 0.15
}

declare -A english=(
  [echo-test]="You are in the echo test. Speak, and you will hear yourself."
  [goodbye]="Goodbye."
  [please-hold]="Please hold."
  [welcome]="Welcome."
  [invalid-option]="Sorry, that is not a valid choice."
  [feature-on]="Activated."
  [feature-off]="Deactivated."
  [star]="star"
  [hash]="hash"
)
declare -A malay=(
  [echo-test]="Anda berada dalam ujian gema. Bercakap, dan anda akan mendengar suara anda sendiri."
  [goodbye]="Selamat tinggal."
  [please-hold]="Sila tunggu sebentar."
  [welcome]="Selamat datang."
  [invalid-option]="Maaf, pilihan itu tidak sah."
  [feature-on]="Diaktifkan."
  [feature-off]="Dinyahaktifkan."
  [star]="bintang"
  [hash]="pagar"
)
english_digits=(zero one two three four five six seven eight nine)
malay_digits=(kosong satu dua tiga empat lima enam tujuh lapan sembilan)

for name in "${!english[@]}"; do speak en "$here/en/$name.wav" "${english[$name]}"; done
for name in "${!malay[@]}"; do speak ms "$here/ms/$name.wav" "${malay[$name]}"; done
for digit in 0 1 2 3 4 5 6 7 8 9; do
  speak en "$here/en/digits/$digit.wav" "${english_digits[$digit]}"
  speak ms "$here/ms/digits/$digit.wav" "${malay_digits[$digit]}"
done

# Music on hold (made at 48 kHz, which sox's pluck needs, then taken down to 8 kHz): eight 2.5 s chords (I V vi iii IV I IV V in C, a Pachelbel-like progression), each a soft sine pad
# an octave below plus a plucked triad, faded in and out so chords overlap gently and the 20 s loop wraps quietly.
chords=(
  "C3 C4 E4 G4" "G2 B3 D4 G4" "A2 A3 C4 E4" "E2 G3 B3 E4"
  "F2 F3 A3 C4" "C3 C4 E4 G4" "F2 A3 C4 F4" "G2 B3 D4 G4"
)
parts=()
for i in "${!chords[@]}"; do
  read -r bass n1 n2 n3 <<<"${chords[$i]}"
  sox -D -r 48000 -c 4 -n -c 1 "$work/pad$i.wav" synth 2.5 sine "$bass" sine "$n1" sine "$n2" sine "$n3" \
    remix - fade t 0.4 2.5 0.8
  sox -D -r 48000 -c 3 -n -c 1 "$work/pluck$i.wav" synth 2.5 pluck "$n1" pluck "$n2" pluck "$n3" \
    remix - fade t 0.01 2.5 1.2 vol 0.6
  sox -D -m "$work/pad$i.wav" "$work/pluck$i.wav" "$work/chord$i.wav"
  parts+=("$work/chord$i.wav")
done
mkdir -p "$here/music"
sox -D "${parts[@]}" -r 8000 -b 16 -e signed-integer "$here/music/default.wav" reverb 40 50 60 remix - lowpass 3400 norm -12

echo "generate.sh: wrote $(find "$here" -name '*.wav' | wc -l) files under $here"
