namespace Softswitch.Configuration.Options;

/// <summary>The <c>http</c> section: the API and web console listener.</summary>
public sealed class HttpOptions
{
    /// <summary>IP address to bind; loopback by default so the console is not exposed by accident.</summary>
    public string Listen { get; set; } = "127.0.0.1";

    /// <summary>TCP port.</summary>
    public int Port { get; set; } = 8080;
}
