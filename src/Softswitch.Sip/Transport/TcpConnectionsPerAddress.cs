using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Counts the accepted TCP connections of each remote IP address, so one address cannot take every
/// connection the switch allows. An address is forgotten when its last connection closes.
/// </summary>
internal sealed class TcpConnectionsPerAddress
{
    private readonly Dictionary<IPAddress, Entry> _entries = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public TcpConnectionsPerAddress(int limit, TimeProvider time)
    {
        Limit = limit;
        _time = time;
    }

    public int Limit { get; }

    /// <summary>
    /// Counts a new connection from <paramref name="address"/>, or refuses it when the address is at the limit;
    /// <paramref name="refusedToReport"/> is above zero when the refusal (and those since the last report) should be logged.
    /// </summary>
    public bool TryAdd(IPAddress address, out int refusedToReport)
    {
        refusedToReport = 0;
        lock (_gate)
        {
            if (!_entries.TryGetValue(address, out var entry))
            {
                entry = new Entry();
                _entries[address] = entry;
            }

            if (entry.Open < Limit)
            {
                entry.Open++;
                return true;
            }

            entry.Refusals.Count(_time, out refusedToReport);
            return false;
        }
    }

    public void Remove(IPAddress address)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(address, out var entry) && --entry.Open <= 0)
            {
                _entries.Remove(address);
            }
        }
    }

    private sealed class Entry
    {
        public int Open;
        public RefusalCounter Refusals;
    }
}
