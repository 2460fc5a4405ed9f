#!/usr/bin/env bash
# Regenerates the spoken prompts from the text lists: each line "name<TAB>text" of sounds/prompts/<language>.tsv
# becomes sounds/<language>/<name>.wav, spoken by espeak-ng with the voice of the same name (en, ms, id) and
# converted by sox to 8 kHz mono 16-bit PCM. Lines that are empty or start with # are skipped.
# Usage: sounds/generate-prompts.sh [LANGUAGE...]     (all lists when none is named; from any directory)
set -euo pipefail

for tool in espeak-ng sox; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "generate-prompts.sh: '$tool' is not installed. Install it with: apt-get install -y espeak-ng sox" >&2
    exit 1
  fi
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# speak VOICE OUTPUT TEXT: espeak-ng at 22.05 kHz, then telephone band, 8 kHz, peak -3 dBFS, 150 ms of silence after.
# Pieces of a spoken number (numbers/, money/, months/, ordinals/, time/) are joined one after another at play time,
# so their silence is trimmed at both ends and only 50 ms kept after, which keeps "one hundred and five" fluent.
# -D (no dither) keeps the output byte-identical from run to run.
speak() {
  local voice="$1" out="$2" text="$3"
  mkdir -p "$(dirname "$out")"
  espeak-ng -v "$voice" -s 150 -w "$work/speech.wav" "$text"
  case "${out#"$here"/*/}" in
    numbers/* | money/* | months/* | ordinals/* | time/*)
      sox -D "$work/speech.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out" highpass 120 norm -3 \
        silence 1 0.01 -50d reverse silence 1 0.01 -50d reverse pad 0 0.05 ;;
    *)
      sox -D "$work/speech.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out" highpass 120 norm -3 pad 0 0.15 ;;
  esac
}

languages=("$@")
if [ ${#languages[@]} -eq 0 ]; then
  for list in "$here"/prompts/*.tsv; do languages+=("$(basename "$list" .tsv)"); done
fi

written=0
for language in "${languages[@]}"; do
  list="$here/prompts/$language.tsv"
  if [ ! -f "$list" ]; then
    echo "generate-prompts.sh: no list $list" >&2
    exit 1
  fi
  line_number=0
  while IFS= read -r line || [ -n "$line" ]; do
    line_number=$((line_number + 1))
    [[ -z "$line" || "$line" == \#* ]] && continue
    name="${line%%$'\t'*}"
    text="${line#*$'\t'}"
    # A name is a path under sounds/<language>/ without .wav: lower-case words, digits and hyphens, never "..".
    if [[ "$line" != *$'\t'* || -z "$text" || ! "$name" =~ ^[a-z0-9-]+(/[a-z0-9-]+)*$ ]]; then
      echo "generate-prompts.sh: $list:$line_number: expected 'name<TAB>text' with a name like numbers/20" >&2
      exit 1
    fi
    speak "$language" "$here/$language/$name.wav" "$text"
    written=$((written + 1))
  done <"$list"
done

echo "generate-prompts.sh: wrote $written prompts for ${languages[*]}"
