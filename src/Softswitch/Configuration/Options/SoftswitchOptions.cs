namespace Softswitch.Configuration.Options;

/// <summary>
/// The whole configuration file as typed options. Every property is a key the validator accepts;
/// anything else in the file is reported as unknown. Snake_case key names come from
/// <see cref="Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute"/>.
/// </summary>
public sealed class SoftswitchOptions
{
    /// <summary>SIP listener and protocol timers.</summary>
    public SipOptions Sip { get; set; } = new();

    /// <summary>REGISTER handling.</summary>
    public RegistrarOptions Registrar { get; set; } = new();

    /// <summary>Digest authentication.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Bans for password guessing, per-address rate limit.</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>Media port range.</summary>
    public RtpOptions Rtp { get; set; } = new();

    /// <summary>Concurrent calls, call length and the shutdown drain.</summary>
    public LimitsOptions Limits { get; set; } = new();

    /// <summary>HTTP API and web console.</summary>
    public HttpOptions Http { get; set; } = new();

    /// <summary>Database and recordings.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>PCI pause and resume codes for recorded calls.</summary>
    public RecordingOptions Recording { get; set; } = new();

    /// <summary>Log level and file.</summary>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>IVR flows and prompts.</summary>
    public IvrOptions Ivr { get; set; } = new();

    /// <summary>Phones that may register and be called.</summary>
    public List<ExtensionOptions> Extensions { get; set; } = [];

    /// <summary>Numbers that ring several extensions.</summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("ring_groups")]
    public List<RingGroupOptions> RingGroups { get; set; } = [];

    /// <summary>Dialled number to destination.</summary>
    public List<RouteOptions> Routes { get; set; } = [];

    /// <summary>ACD queues (not yet wired to calls).</summary>
    public List<QueueOptions> Queues { get; set; } = [];

    /// <summary>ACD agents: extensions with skills and queues (not yet wired to calls).</summary>
    public List<AgentOptions> Agents { get; set; } = [];

    /// <summary>ACD rules for every queue's agents (missed offers).</summary>
    public AcdOptions Acd { get; set; } = new();

    /// <summary>Carriers: outbound registration, keepalive, inbound calls by DID.</summary>
    public List<TrunkOptions> Trunks { get; set; } = [];

    /// <summary>Name servers for finding carriers.</summary>
    public DnsOptions Dns { get; set; } = new();
}
