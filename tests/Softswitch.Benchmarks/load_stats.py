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
