#!/usr/bin/env bash
# The demo IVR (dial 500, ivr-flows/main.yaml) with a real softphone, inside a private network namespace:
#   unshare -n bash ivr-baresip.sh SOFTSWITCH_DLL WORKDIR
# baresip registered as 1001 dials 500 and, once the call is up, presses 2 (English) and then 2 (support) through its
# control interface (ctrl_tcp `sndcode`: RFC 4733 telephone-events, baresip's default): the support queue, as in the
# shipped configuration. A second baresip registered as 1002, the queue's agent, answers automatically (playing a
# 400 Hz tone). The caller hangs up a few seconds after support answered.
# Prints KEY=VALUE lines the NUnit test reads; stops every process it started, by PID.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dll="$1"; work="$2"

# repository_root: the folder with Softswitch.sln above this script (the demo flows and prompts live there).
repository_root() {
  local dir
  dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  while [ "$dir" != "/" ] && [ ! -f "$dir/Softswitch.sln" ]; do dir=$(dirname "$dir"); done
  echo "$dir"
}

# caller_command COMMAND [PARAMS]: one netstring-framed JSON command to the caller's baresip (ctrl_tcp); its answer
# goes to caller-ctrl.out.
caller_command() {
  local json="{\"command\":\"$1\",\"params\":\"${2:-}\",\"token\":\"$1\"}"
  exec 3<>/dev/tcp/127.0.0.1/4442 || return 1
  printf '%d:%s,' "${#json}" "$json" >&3
  timeout 1 cat <&3 >> "$work/caller-ctrl.out"
  echo >> "$work/caller-ctrl.out"
  exec 3>&-
}

setup_namespace_network
root=$(repository_root)
# The demo flows, with the office calendar open all week so the test runs at any hour.
mkdir -p "$work/flows"
cp "$root"/ivr-flows/* "$work/flows/"
cat > "$work/flows/calendars.yaml" <<YAML
calendars:
  office:
    time_zone: Asia/Kuala_Lumpur
    hours:
      mon-sun: 00:00-24:00
YAML
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone400.wav" synth 40 sine 400 vol 0.5
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/tone1k.wav" synth 40 sine 1000 vol 0.5

write_softswitch_config <<YAML
ivr:
  flows: $work/flows
  sounds: $root/sounds
extensions:
  - number: "1001"
    name: Alice
    password: ivr-secret-1001
  - number: "1002"
    name: Bob
    password: ivr-secret-1002
queues:
  - name: support
    ring_timeout_seconds: 10
agents:
  - extension: "1002"
    queues: [{ name: support }]
routes:
  - match: "500"
    flow: main
YAML
write_baresip_phone caller 1001 ivr-secret-1001 15070 31000-31099 "$work/tone1k.wav" g711
printf 'module_app        ctrl_tcp.so\nctrl_tcp_listen   127.0.0.1:4442\n' >> "$work/caller/config"
write_baresip_phone support 1002 ivr-secret-1002 15072 31100-31199 "$work/tone400.wav" g711
sed -i 's/$/;answermode=auto/' "$work/support/accounts"

start_softswitch
timeout 40 baresip -f "$work/support" -t 35 > "$work/support.out" 2>&1 &
support_pid=$!
await "$work/softswitch.out" "REGISTER 1002 -> 200" 1 10
dial_with_baresip caller 500 40 30
caller_pid=$!
await "$work/caller.out" "Call established" 1 10
# The language menu is playing: 2 (English) cuts it short; then 2 (support) at the main menu.
sleep 1.5
caller_command sndcode 2
sleep 2.5
caller_command sndcode 2
await "$work/support.out" "Call established" 1 15
echo "SUPPORT_ANSWERED=$(grep -c 'Call established' "$work/support.out")"
sleep 3
caller_command hangup
await "$work/softswitch.out" "call ended" 1 10
caller_command quit
wait "$caller_pid"; echo "CALLER_EXIT=$?"
kill -TERM "$support_pid" 2>/dev/null; wait "$support_pid"
sleep 1
stop_softswitch
# What the caller heard: the flow's first prompt just after the answer, and at the end (after the agent answered)
# support's 400 Hz tone.
heard=$(baresip_heard caller)
if [ -n "$heard" ]; then
  end=$(python3 -c "print(max(0, $(soxi -D "$heard") - 2.5))")
  echo "CALLER_PROMPT_DB=$(level_db "$heard" 1 0.3 1)"
  echo "CALLER_END_TOTAL_DB=$(level_db "$heard" 1 "$end" 2)"; echo "CALLER_END_400_DB=$(band_level_db "$heard" 1 "$end" 2 380-420)"
fi
print_switch_count RFC4733_KEYS 'received via "\?Rfc4733'
# The call's row, as an admin reads it.
sqlite3 -separator '|' "$work/data/softswitch.db" \
  "SELECT dialled, route_target, callee, hangup_side, json_extract(application_fields, '\$.ivr_keys'), json_extract(application_fields, '\$.ivr_path'), json_extract(application_fields, '\$.queue'), json_extract(application_fields, '\$.agent') FROM calls ORDER BY id" |
while IFS='|' read -r dialled target callee side keys path queue agent; do
  echo "ROW=${dialled}|${target}|${callee}|${side}"
  echo "QUEUE=${queue}|${agent}"
  echo "IVR_KEYS=${keys}"
  echo "IVR_PATH=${path}"
done
echo "ROWS=$(sqlite3 "$work/data/softswitch.db" 'SELECT count(*) FROM calls')"
