"""What the load scripts' inline Python blocks share: percentiles, sipp's stats and response times."""


def percentiles(values, digits=2):
    """The median, 99th percentile and maximum of values, rounded to digits; -1 each when there are none."""
    ordered = sorted(values)
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], digits) if ordered else -1
    return pick(0.5), pick(0.99), pick(1.0)


def sipp_counts(path, *names):
    """The last row of sipp's -trace_stat file (semicolon-separated, a header row first): the named columns as ints."""
    rows = [line.rstrip('\n').split(';') for line in open(path) if line.strip()]
    header, last = rows[0], rows[-1]
    return [int(last[header.index(name)]) for name in names]


def rtd_times(paths):
    """sipp's -trace_rtt files (date_ms;response_time_ms;rtd_number rows): response times in ms by rtd number."""
    times = {}
    for name in paths:
        for line in open(name):
            parts = line.strip().split(';')
            if len(parts) >= 3 and parts[1].replace('.', '', 1).isdigit():
                times.setdefault(parts[2], []).append(float(parts[1]))
    return times


def rtp_stream_loss(path):
    """Packets and loss over the streams of a `tshark -q -z rtp,streams` listing, as one line of key=value."""
    import re
    packets = lost = streams = replayed = 0
    for line in open(path):
        m = re.search(r'\s(\d+)\s+(-?\d+)\s+\((-?[\d.]+)%\)', line)
        if m:
            # With LOAD_PLAYS > 1 sipp replays the pcap with its sequence numbers from the start, and the switch passes
            # that jump on: tshark then reports the replay as -236 (duplicates) or ~65,000 (a wrap) "lost". Such a
            # stream is a replay, not loss; it is counted apart and left out.
            if abs(int(m.group(2))) > 200:
                replayed += 1
                continue
            streams += 1; packets += int(m.group(1)); lost += max(0, int(m.group(2)))
    return (f"tshark_return_streams={streams} tshark_return_packets={packets} tshark_return_lost={lost} "
            f"tshark_return_loss_pct={round(100 * lost / max(1, packets + lost), 3)} replayed_streams_left_out={replayed}")
