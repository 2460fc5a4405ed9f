#!/usr/bin/env bash
# Regenerates every committed sound: the spoken prompts sounds/<language>/<name>.wav (generate-prompts.sh, from the
# text lists in sounds/prompts/) and the music on hold sounds/music/default.wav (sox's synthesiser).
# Everything is 8 kHz mono 16-bit PCM.
# Usage: sounds/generate.sh            (from anywhere; writes next to this script)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Spoken prompts: every line of prompts/<language>.tsv (en, ms, id), by generate-prompts.sh, which also stops with an
# install hint when espeak-ng or sox (needed for the music too) is missing.
"$here/generate-prompts.sh"

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
