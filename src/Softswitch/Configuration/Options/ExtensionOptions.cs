using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>One entry of the <c>extensions</c> list.</summary>
public sealed class ExtensionOptions
{
    /// <summary>The number dialled to reach it and the digest user name (digits only).</summary>
    public string Number { get; set; } = "";

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Digest password.</summary>
    public string Password { get; set; } = "";

    /// <summary>How long its phones ring before the call forwards on no answer, or gets 480.</summary>
    [ConfigurationKeyName("ring_seconds")]
    public int RingSeconds { get; set; } = 30;

    /// <summary>Forward every call to this extension instead.</summary>
    [ConfigurationKeyName("forward_always")]
    public string? ForwardAlways { get; set; }

    /// <summary>Forward here when every phone is busy, or in do-not-disturb.</summary>
    [ConfigurationKeyName("forward_busy")]
    public string? ForwardBusy { get; set; }

    /// <summary>Forward here when nobody answers within ring_seconds, or no phone is registered.</summary>
    [ConfigurationKeyName("forward_no_answer")]
    public string? ForwardNoAnswer { get; set; }

    /// <summary>Do not disturb: calls are refused busy (486) or forwarded to forward_busy.</summary>
    [ConfigurationKeyName("dnd")]
    public bool DoNotDisturb { get; set; }

    /// <summary>Phones of extensions in the same pickup group pick up each other's ringing calls with *8 (unset: one group for all).</summary>
    [ConfigurationKeyName("pickup_group")]
    public string? PickupGroup { get; set; }

    /// <summary>The number presented (From, P-Asserted-Identity) when it calls out through a trunk; unset: the trunk's caller_id.</summary>
    [ConfigurationKeyName("caller_id")]
    public string? CallerId { get; set; }

    /// <summary>How far it may call out: internal (no trunk), national (default) or international.</summary>
    public string Permission { get; set; } = "national";

    /// <summary>Its mailbox (every extension has one): the PIN for listening by phone.</summary>
    public ExtensionVoicemailOptions? Voicemail { get; set; }
}
