#!/usr/bin/env bash
# Installs the softswitch as a systemd service on Debian. Run as root from a checkout of the repository:
#
#   dotnet publish src/Softswitch -c Release -r linux-x64 --self-contained -o publish
#   sudo deploy/install.sh publish
#
# What it does (running it again upgrades the program and keeps your configuration, prompts and data):
#   user and group  softswitch (system account, no login, home /var/lib/softswitch)
#   /opt/softswitch                  the published program (replaced on every run), root-owned
#   /etc/softswitch/softswitch.yaml  configs/softswitch.yaml, copied only if there is none yet (0640 root:softswitch)
#   /var/lib/softswitch              working directory (0750): sounds/ and ivr-flows/ (missing files added, yours
#                                    kept) and data/ (database, recordings, logs)
#   /etc/systemd/system/softswitch.service, then systemctl daemon-reload and enable (not start: set passwords first)
#
# DESTDIR=/some/folder installs under that folder instead of / (to inspect or package the result); then no user is
# created, nothing is chowned and systemctl is not run.
set -euo pipefail

usage() { echo "usage: sudo $0 PUBLISHED_FOLDER   (the -o folder of dotnet publish)" >&2; exit 2; }
[[ $# -eq 1 ]] || usage
published=$(cd "$1" && pwd) || usage
[[ -x "$published/softswitch" ]] || { echo "$published/softswitch not found or not executable: run dotnet publish first" >&2; exit 1; }
repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
destdir=${DESTDIR:-}
if [[ -z "$destdir" && $EUID -ne 0 ]]; then
  echo "run as root (sudo $0 $1), or set DESTDIR to install under another folder" >&2
  exit 1
fi

program=$destdir/opt/softswitch
config=$destdir/etc/softswitch
state=$destdir/var/lib/softswitch
unit=$destdir/etc/systemd/system/softswitch.service

as_root() { [[ -n "$destdir" ]] || "$@"; }   # ownership and system changes only on a real install

# 1. The service account.
if [[ -z "$destdir" ]] && ! id softswitch >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/softswitch --no-create-home --shell /usr/sbin/nologin \
    --comment "Softswitch SIP server" softswitch
  echo "created user softswitch"
fi

# 2. The program: replaced as a whole, so no file of an older version stays behind.
install -d -m 0755 "$(dirname "$program")"
rm -rf "$program.new"
cp -a "$published" "$program.new"
as_root chown -R root:root "$program.new"
chmod -R u=rwX,go=rX "$program.new"
rm -rf "$program"
mv "$program.new" "$program"
echo "installed $program ($("$program/softswitch" --version))"

# 3. The configuration: never overwrite the admin's.
install -d -m 0750 "$config"
as_root chown root:softswitch "$config"
if [[ -e "$config/softswitch.yaml" ]]; then
  echo "kept $config/softswitch.yaml"
else
  install -m 0640 "$repository/configs/softswitch.yaml" "$config/softswitch.yaml"
  as_root chown root:softswitch "$config/softswitch.yaml"
  echo "installed $config/softswitch.yaml"
fi

# 4. The working directory: prompts and flows (files you replaced are kept), and the data folder.
install -d -m 0750 "$state" "$state/data"
for folder in sounds ivr-flows; do
  mkdir -p "$state/$folder"
  cp -r --no-clobber "$repository/$folder/." "$state/$folder/"
done
find "$state" -type d -exec chmod 0750 {} +
find "$state" -type f -exec chmod 0640 {} +
as_root chown -R softswitch:softswitch "$state"
echo "prepared $state"

# 5. The unit.
install -d -m 0755 "$(dirname "$unit")"
install -m 0644 "$repository/deploy/softswitch.service" "$unit"
echo "installed $unit"
if [[ -z "$destdir" ]]; then
  systemctl daemon-reload
  systemctl enable softswitch.service
fi

cat <<NEXT

Next:
  1. Change every password in /etc/softswitch/softswitch.yaml (extensions:), then check it:
       cd /var/lib/softswitch && sudo -u softswitch /opt/softswitch/softswitch check-config --config /etc/softswitch/softswitch.yaml
  2. systemctl start softswitch
  3. journalctl -u softswitch -f      (and /var/lib/softswitch/data/logs/)
NEXT
