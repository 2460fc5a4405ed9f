namespace Softswitch.Configuration.Options;

/// <summary>The <c>dns</c> section: where carrier names are looked up (read at start).</summary>
public sealed class DnsOptions
{
    /// <summary>DNS servers as address or address:port; the system's (/etc/resolv.conf) when empty.</summary>
    public List<string> Servers { get; set; } = [];
}
