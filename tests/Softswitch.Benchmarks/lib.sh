#!/usr/bin/env bash
# Shared by the load scripts (source it after setting root and work): a free port, the switch built into the work
# folder, and started with the work folder's softswitch.yaml, stopped by its PID when the script exits.

# A free UDP port on 127.0.0.1 for the switch's SIP.
free_udp_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The switch, built in Release into $work/bin (the run command's code, not the test build).
build_switch() {
  dotnet build "$root/src/Softswitch" -c Release --nologo -v q -o "$work/bin" >/dev/null
}

# Starts the switch on $work/softswitch.yaml with any extra arguments ($switch_cpus, if set, prefixes the command: taskset);
# sets pid, stops it with SIGTERM on exit, and returns once it logs that SIP has started.
start_switch() {
  ${switch_cpus:-} dotnet "$work/bin/softswitch.dll" run --config "$work/softswitch.yaml" "$@" > "$work/softswitch.out" 2>&1 &
  pid=$!
  trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q "Softswitch SIP started" "$work/softswitch.out" && break; sleep 0.2; done
}
