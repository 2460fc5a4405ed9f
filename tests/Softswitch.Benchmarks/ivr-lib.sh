#!/usr/bin/env bash
# Shared by the IVR load scripts (source it after lib.sh): the demo flow (dial 500, ivr-flows/main.yaml) on a switch
# started as lib.sh starts it, with the repository's flows and prompts.

# Copies the demo flows to $work/flows with the office calendar open all week (the load runs at any hour; the shipped
# calendar is Monday-Friday 09:00-18:00 Kuala Lumpur) and appends the ivr section to $config. The route to 500 is given
# on the command line (write_config's routes: already holds *43): pass "${ivr_route[@]}" to start_switch.
add_demo_ivr() {
  mkdir -p "$work/flows"
  cp "$root"/ivr-flows/* "$work/flows/"
  cat > "$work/flows/calendars.yaml" <<YAML
calendars:
  office:
    time_zone: Asia/Kuala_Lumpur
    hours:
      mon-sun: 00:00-24:00
YAML
  cat >> "$config" <<YAML
ivr:
  flows: $work/flows
  sounds: $root/sounds
YAML
  ivr_route=(--routes:1:match=500 --routes:1:flow=main)
}

# pacing SAMPLE.pcapng: from a capture of the switch's RTP to the callers, per stream (SSRC), the gaps between packets
# as they arrived on loopback against the 20 ms they should be, and RFC 3550 interarrival jitter (ms, its running value
# at every packet of every stream); prints one line. Arguments: the capture and the callers' RTP port.
pacing() {
  tshark -r "$1" -d "udp.port==$2,rtp" -Y rtp -T fields -e frame.time_epoch -e rtp.ssrc -e rtp.timestamp 2>/dev/null > "$1.tsv" || true
  python3 - "$1.tsv" "$bench" <<'PY'
import collections, sys
sys.path.insert(0, sys.argv[2]); from load_stats import percentiles
streams = collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 3: streams[parts[1]].append((float(parts[0]), int(parts[2])))
gaps, jitters, peaks = [], [], []
for packets in streams.values():
    if len(packets) < 10: continue
    jitter = 0.0
    for (t0, ts0), (t1, ts1) in zip(packets, packets[1:]):
        gaps.append(1000 * (t1 - t0))
        d = 1000 * (t1 - t0) - (ts1 - ts0) / 8.0   # RFC 3550 §6.4.1: transit difference, 8 kHz clock
        jitter += (abs(d) - jitter) / 16
        jitters.append(jitter)
    peaks.append(max(jitters[-(len(packets) - 1):]))
p50, p99, most = percentiles(gaps, 2)
j50, j99, _ = percentiles(jitters, 2)
_, _, peak = percentiles(peaks, 2)
late = sum(1 for g in gaps if g > 40)
# A stall shows as a long gap followed by a burst (the timestamps stay 20 ms apart): gaps over 40 ms count them.
print(f"pacing_streams={len(peaks)} packets={len(gaps) + len(peaks)} gap_ms_p50={p50} p99={p99} max={most} gaps_over_40ms={late} "
      f"jitter_ms_p50={j50} p99={j99} max={peak}")
PY
}
