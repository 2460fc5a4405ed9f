#!/usr/bin/env bash
# Shared by the load scripts (source it after setting root and work): a free port, the switch built into the work
# folder, and started with the work folder's etc/softswitch.yaml ($config), stopped by its PID when the script exits.

# A free UDP port on 127.0.0.1 for the switch's SIP.
free_udp_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The switch, built in Release into $work/bin (the run command's code, not the test build).
build_switch() {
  dotnet build "$root/src/Softswitch" -c Release --nologo -v q -o "$work/bin" >/dev/null
}

# Starts the switch on $config with any extra arguments ($switch_cpus, if set, prefixes the command: taskset);
# sets pid, stops it with SIGTERM on exit, and returns once it logs that SIP has started.
start_switch() {
  ${switch_cpus:-} dotnet "$work/bin/softswitch.dll" run --config "$config" "$@" > "$work/softswitch.out" 2>&1 &
  pid=$!
  trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q "Softswitch SIP started" "$work/softswitch.out" && break; sleep 0.2; done
}

# Writes $config, $work/etc/softswitch.yaml: SIP on 127.0.0.1:$port, the database, recordings and log under $work/data, the log at
# level $1, extension 1001 and the *43 echo route. A script appends the other sections it needs (never sip:, which is here).
# The configuration has a folder of its own, as configs/ in an installation: the switch watches the folder of its
# configuration (reload on save), and with the data inside it every log line and database write would wake the watcher.
write_config() {
  config="$work/etc/softswitch.yaml"
  mkdir -p "$work/etc"
  cat > "$config" <<YAML
sip:
  listen: 127.0.0.1
  port: $port
  domain: softswitch.test
storage:
  database: $work/data/softswitch.db
  recordings: $work/data/recordings
logging:
  level: $1
  file: $work/data/logs/softswitch-.log
extensions:
  - number: "1001"
    name: Load One
    password: load-secret-1001
routes:
  - match: "*43"
    echo: true
YAML
}

# Appended by the scripts whose whole load is one sipp address calling as 1001: the per-address request limit and the
# per-extension call limit would measure themselves instead of the switch.
lift_single_source_limits() {
  cat >> "$config" <<YAML
security:
  # sipp is one address sending far more than an office would: the per-address limit would measure itself.
  max_requests_per_second_per_address: 0
limits:
  # Every load call comes from extension 1001; the per-extension limit (4) would refuse all but four.
  max_calls_per_extension: 0
YAML
}

# Registers extension $1 (password $2) from 127.0.0.1:$3 with sipp: the switch then sends that extension's calls to this
# port, where the caller of this function starts a sipp UAS (the REGISTER's source is where calls go).
register_from_port() {
  sipp -sf "$root/tests/Softswitch.Interop.Tests/Scenarios/register-digest.xml" -i 127.0.0.1 -p "$3" -nostdin \
    -s "$1" -au "$1" -ap "$2" -m 1 -timeout 10s -timeout_error "127.0.0.1:$port" > "$work/register-$1.out" 2>&1
}

# CPU time (user + system, in clock ticks of 10 ms) that process $1 has used so far.
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

# The bridge scripts' switch: a fresh one on a free port with extension 1002 (the phone a sipp UAS plays) and RTP ports
# 20000..$1; further arguments go to the switch. The caller of a bridge script registers 1002 from the UAS's port.
start_bridge_switch() {
  local port_max=$1; shift
  port=$(free_udp_port)
  write_config "${LOAD_LOG_LEVEL:-Information}"
  lift_single_source_limits
  cat >> "$config" <<YAML
rtp:
  port_min: 20000
  port_max: $port_max
YAML
  start_switch --extensions:1:number=1002 --extensions:1:name=Load-Two --extensions:1:password=load-secret-1002 "$@"
}
