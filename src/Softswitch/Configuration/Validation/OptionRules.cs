using System.Net;
using Softswitch.Configuration.Options;
using Softswitch.Hosting;

namespace Softswitch.Configuration.Validation;

/// <summary>The semantic rules: values that bind fine but make no sense for a softswitch.</summary>
public static class OptionRules
{
    /// <summary>Runs every rule on <paramref name="options"/>.</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        CheckSip(options.Sip, context);
        CheckRegistrar(options.Registrar, context);
        CheckAuth(options.Auth, context);
        CheckSecurity(options.Security, context);
        CheckRtp(options.Rtp, context);
        CheckLimits(options.Limits, options.Rtp, context);
        ListenAddress(context, "http:listen", options.Http.Listen);
        Port(context, "http:port", options.Http.Port);
        NotEmpty(context, "storage:database", options.Storage.Database);
        NotEmpty(context, "storage:recordings", options.Storage.Recordings);
        if (options.Storage.RetentionDays is < 1 or > 36_500)
        {
            context.Error("storage:retention_days", $"{options.Storage.RetentionDays} is outside 1-36500 days");
        }

        if (options.Storage.CallRecordsRetentionDays is < 0 or > 36_500)
        {
            context.Error("storage:call_records_retention_days", $"{options.Storage.CallRecordsRetentionDays} is outside 0-36500 days (0 keeps them forever)");
        }
        if (!LogLevelNames.TryParse(options.Logging.Level, out _))
        {
            context.Error("logging:level", $"'{options.Logging.Level}' is not a log level ({LogLevelNames.Accepted})");
        }

        NotEmpty(context, "logging:file", options.Logging.File);
        NotEmpty(context, "ivr:flows", options.Ivr.Flows);
        NotEmpty(context, "ivr:sounds", options.Ivr.Sounds);
        if (options.Ivr.DefaultLanguage is not { Length: 2 or 3 } language || !language.All(char.IsAsciiLetterLower))
        {
            context.Error("ivr:default_language", $"'{options.Ivr.DefaultLanguage}' is not a language code (two or three lower-case letters, e.g. en, ms)");
        }

        ExtensionRules.Check(options, context);
        RingGroupRules.Check(options, context);
        QueueRules.Check(options, context);
        RecordingRules.Check(options, context);
        RouteRules.Check(options, context);
        TrunkRules.Check(options, context);
        VoicemailRules.Check(options, context);
        ReferenceRules.Check(options, context);
    }

    /// <summary>Reports <paramref name="key"/> unless it is a port number.</summary>
    public static void Port(ValidationContext context, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            context.Error(key, $"{port} is not a port (1-65535)");
        }
    }

    /// <summary>Reports <paramref name="key"/> when empty or blank.</summary>
    public static void NotEmpty(ValidationContext context, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            context.Error(key, "must not be empty");
        }
    }

    private static void AtLeast(ValidationContext context, string key, int value, int minimum)
    {
        if (value < minimum)
        {
            context.Error(key, $"{value} is too small (at least {minimum})");
        }
    }

    private static void ListenAddress(ValidationContext context, string key, string? value)
    {
        if (!IPAddress.TryParse(value, out _))
        {
            context.Error(key, $"'{value}' is not an IP address (0.0.0.0 listens on every IPv4 interface, :: on every IPv6 one)");
        }
    }

    private static void CheckSip(SipOptions sip, ValidationContext context)
    {
        ListenAddress(context, "sip:listen", sip.Listen);
        Port(context, "sip:port", sip.Port);
        for (var i = 0; i < sip.Transports.Count; i++)
        {
            var transport = sip.Transports[i];
            var key = context.ItemPath("sip:transports", i);
            if (!SipOptions.SupportedTransports.Contains(transport, StringComparer.OrdinalIgnoreCase))
            {
                context.Error(key, $"'{transport}' is not a supported transport ({string.Join(", ", SipOptions.SupportedTransports)})");
            }
            else if (sip.Transports.Take(i).Contains(transport, StringComparer.OrdinalIgnoreCase))
            {
                context.Error(key, $"'{transport}' is listed twice");
            }
        }

        NotEmpty(context, "sip:domain", sip.Domain);
        if (sip.PublicAddress is { Length: > 0 } publicAddress && Uri.CheckHostName(publicAddress) == UriHostNameType.Unknown)
        {
            context.Error("sip:public_address", $"'{publicAddress}' is not an IP address or host name");
        }

        AtLeast(context, "sip:t1_ms", sip.T1Ms, 1);
        if (sip.T2Ms <= sip.T1Ms)
        {
            context.Error("sip:t2_ms", $"t2_ms ({sip.T2Ms}) must be greater than t1_ms ({sip.T1Ms}) (RFC 3261 §17.1.2.2)");
        }

        AtLeast(context, "sip:t4_ms", sip.T4Ms, 1);
        if (sip.MaxMessageSize is < 1500 or > 1_048_576)
        {
            context.Error("sip:max_message_size", $"{sip.MaxMessageSize} bytes is outside 1500-1048576");
        }

        AtLeast(context, "sip:tcp_idle_timeout_seconds", sip.TcpIdleTimeoutSeconds, 1);
        AtLeast(context, "sip:tcp_message_timeout_seconds", sip.TcpMessageTimeoutSeconds, 1);
        AtLeast(context, "sip:tcp_max_connections", sip.TcpMaxConnections, 1);
        AtLeast(context, "sip:tcp_max_connections_per_address", sip.TcpMaxConnectionsPerAddress, 1);
        if (sip.TcpMaxConnectionsPerAddress > sip.TcpMaxConnections)
        {
            context.Error("sip:tcp_max_connections_per_address",
                $"tcp_max_connections_per_address ({sip.TcpMaxConnectionsPerAddress}) is above tcp_max_connections ({sip.TcpMaxConnections})");
        }
    }

    private static void CheckRegistrar(RegistrarOptions registrar, ValidationContext context)
    {
        AtLeast(context, "registrar:min_expires", registrar.MinExpires, 1);
        if (registrar.MaxExpires < registrar.MinExpires)
        {
            context.Error("registrar:max_expires", $"max_expires ({registrar.MaxExpires}) is below min_expires ({registrar.MinExpires})");
        }
        else if (registrar.DefaultExpires < registrar.MinExpires || registrar.DefaultExpires > registrar.MaxExpires)
        {
            context.Error("registrar:default_expires", $"default_expires ({registrar.DefaultExpires}) must lie between min_expires ({registrar.MinExpires}) and max_expires ({registrar.MaxExpires})");
        }

        AtLeast(context, "registrar:max_contacts", registrar.MaxContacts, 1);
        AtLeast(context, "registrar:nat_keepalive_seconds", registrar.NatKeepaliveSeconds, 0);
        AtLeast(context, "registrar:subscription_min_expires", registrar.SubscriptionMinExpires, 1);
        if (registrar.SubscriptionMaxExpires < registrar.SubscriptionMinExpires)
        {
            context.Error("registrar:subscription_max_expires",
                $"subscription_max_expires ({registrar.SubscriptionMaxExpires}) is below subscription_min_expires ({registrar.SubscriptionMinExpires})");
        }
    }

    private static void CheckSecurity(SecurityOptions security, ValidationContext context)
    {
        AtLeast(context, "security:failed_auth_limit", security.FailedAuthLimit, 1);
        AtLeast(context, "security:failed_auth_window_seconds", security.FailedAuthWindowSeconds, 1);
        AtLeast(context, "security:ban_seconds", security.BanSeconds, 1);
        AtLeast(context, "security:max_requests_per_second_per_address", security.MaxRequestsPerSecondPerAddress, 0);
        for (var i = 0; i < security.Allow.Count; i++)
        {
            if (!SecurityNetworks.TryParse(security.Allow[i], out _))
            {
                context.Error($"security:allow:{i}", $"'{security.Allow[i]}' is not a network (CIDR such as 192.168.1.0/24, or one address)");
            }
        }
    }

    private static void CheckAuth(AuthOptions auth, ValidationContext context)
    {
        NotEmpty(context, "auth:realm", auth.Realm);
        AtLeast(context, "auth:nonce_lifetime_seconds", auth.NonceLifetimeSeconds, 1);
        for (var i = 0; i < auth.Algorithms.Count; i++)
        {
            var algorithm = auth.Algorithms[i];
            var key = context.ItemPath("auth:algorithms", i);
            if (!AuthOptions.SupportedAlgorithms.Contains(algorithm, StringComparer.OrdinalIgnoreCase))
            {
                context.Error(key, $"'{algorithm}' is not a supported digest algorithm ({string.Join(", ", AuthOptions.SupportedAlgorithms)})");
            }
            else if (auth.Algorithms.Take(i).Contains(algorithm, StringComparer.OrdinalIgnoreCase))
            {
                context.Error(key, $"'{algorithm}' is listed twice");
            }
        }
    }

    private static void CheckRtp(RtpOptions rtp, ValidationContext context)
    {
        if (rtp.Address is { Length: > 0 }) ListenAddress(context, "rtp:address", rtp.Address);
        Port(context, "rtp:port_min", rtp.PortMin);
        Port(context, "rtp:port_max", rtp.PortMax);
        if (rtp.PortMin % 2 != 0)
        {
            context.Error("rtp:port_min", $"{rtp.PortMin} must be even: RTP takes even ports and RTCP the odd one above (RFC 3550 §11)");
        }

        if (rtp.PortMin >= rtp.PortMax)
        {
            context.Error("rtp:port_max", $"port_max ({rtp.PortMax}) must be greater than port_min ({rtp.PortMin})");
        }

        AtLeast(context, "rtp:timeout_seconds", rtp.TimeoutSeconds, 0);
        AtLeast(context, "rtp:hold_timeout_seconds", rtp.HoldTimeoutSeconds, 0);
        if (rtp.RelatchAfterMs is < 0 or > 60_000)
        {
            context.Error("rtp:relatch_after_ms", $"{rtp.RelatchAfterMs} is out of range (0-60000; 0 turns strict latching off)");
        }
    }

    private static void CheckLimits(LimitsOptions limits, RtpOptions rtp, ValidationContext context)
    {
        AtLeast(context, "limits:max_calls", limits.MaxCalls, 0);
        AtLeast(context, "limits:max_calls_per_extension", limits.MaxCallsPerExtension, 0);
        AtLeast(context, "limits:max_call_seconds", limits.MaxCallSeconds, 0);
        if (limits.ShutdownGraceSeconds is < 0 or > 3600)
        {
            context.Error("limits:shutdown_grace_seconds", $"{limits.ShutdownGraceSeconds} s is outside 0-3600");
        }

        var pairs = (rtp.PortMax - rtp.PortMin + 1) / 2;
        if (pairs > 0 && limits.MaxCalls > pairs)
        {
            context.Warning("limits:max_calls",
                $"{limits.MaxCalls} calls need more than the {pairs} RTP port pairs of rtp.port_min-port_max: calls beyond that get 503 anyway");
        }
    }
}
