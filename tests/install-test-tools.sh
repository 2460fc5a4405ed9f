#!/usr/bin/env bash
# Makes sure the real SIP peers and audio tools the interop tests drive are installed (Debian packages).
# Installs what is missing when run as root; otherwise prints the exact command and fails.
set -euo pipefail
declare -A need=(
  [sipp]=sip-tester
  [sipsak]=sipsak
  [baresip]=baresip-core
  [linphonec]=linphone-cli
  [sox]=sox
  [espeak-ng]=espeak-ng
  [tshark]=tshark
  [ip]=iproute2
  [unshare]=util-linux
  [svcrack]=sipvicious
  [sqlite3]=sqlite3
)
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
done
# Libraries the media tests load (no command to look for).
for package in libopus0 libsox-fmt-all; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

packages="${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing test tools. Install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends $packages" >&2
  exit 1
fi
echo "Installing test tools: $packages"
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $packages
