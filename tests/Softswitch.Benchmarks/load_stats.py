"""What echo-load.sh's inline Python blocks share: the percentiles they print."""


def percentiles(values, digits=2):
    """The median, 99th percentile and maximum of values, rounded to digits; -1 each when there are none."""
    ordered = sorted(values)
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], digits) if ordered else -1
    return pick(0.5), pick(0.99), pick(1.0)
