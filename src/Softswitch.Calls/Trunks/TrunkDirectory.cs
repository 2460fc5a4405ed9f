using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// Recognises traffic from carriers: a request is a trunk's when its source is in that trunk's allow_from (or, with
/// no allow_from, among the addresses its host resolves to), or when its Request-URI user is the random Contact user
/// we registered to that trunk with. Anything else is nobody's, and goes through digest authentication as before.
/// Thread-safe and allocation-light: it runs on the receive path for every new INVITE.
/// </summary>
public sealed class TrunkDirectory(TrunkRegistry registry)
{
    public TrunkRegistry Registry { get; } = registry;

    /// <summary>The trunk <paramref name="invite"/> from <paramref name="source"/> belongs to, or null.</summary>
    public TrunkMatch? Identify(IPAddress source, SipRequest invite) =>
        Find(source, invite) is ({ } trunk, var reason) ? new TrunkMatch(trunk, reason, Dialled(trunk, invite)) : null;

    /// <summary>For the stack's stateless challenge: true when the request is a trunk's, so it is not asked for credentials.</summary>
    public bool IsTrunk(IPAddress source, SipRequest request) => Registry.Trunks.Count > 0 && Find(source, request).Trunk is not null;

    /// <summary>
    /// For the source guard: true when <paramref name="source"/> is in a trunk's allow_from (or, without one, among its
    /// host's resolved addresses), so a carrier is never rate limited nor banned. No allocation.
    /// </summary>
    public bool IsTrunkAddress(IPAddress source)
    {
        var address = TrunkState.Normalise(source);
        var trunks = Registry.Trunks;
        for (var i = 0; i < trunks.Count; i++)
        {
            if (FromTrunkAddress(trunks[i], address) is not null) return true;
        }

        return false;
    }

    private (TrunkState? Trunk, TrunkMatchReason Reason) Find(IPAddress source, SipRequest invite)
    {
        var address = TrunkState.Normalise(source);
        foreach (var trunk in Registry.Trunks)
        {
            if (FromTrunkAddress(trunk, address) is { } reason) return (trunk, reason);
        }

        var user = invite.RequestUri.User;
        if (string.IsNullOrEmpty(user)) return (null, default);
        foreach (var trunk in Registry.Trunks)
        {
            if (trunk.Settings.Register && string.Equals(user, trunk.ContactUser, StringComparison.Ordinal))
            {
                return (trunk, TrunkMatchReason.RegisteredContact);
            }
        }

        return (null, default);
    }

    private static TrunkMatchReason? FromTrunkAddress(TrunkState trunk, IPAddress address)
    {
        // Indexed loops: this runs for each message from a carrier (the source guard asks), so no enumerator is boxed.
        var allowed = trunk.Settings.AllowFrom;
        if (allowed.Count > 0)
        {
            for (var i = 0; i < allowed.Count; i++)
            {
                if (allowed[i].Contains(address)) return TrunkMatchReason.AllowFrom;
            }

            return null;
        }

        var resolved = trunk.ResolvedAddresses;
        for (var i = 0; i < resolved.Count; i++)
        {
            if (resolved[i].Equals(address)) return TrunkMatchReason.ResolvedAddress;
        }

        return null;
    }

    /// <summary>The DID: the Request-URI user, unless that is our Contact user, then the To user.</summary>
    private static string Dialled(TrunkState trunk, SipRequest invite)
    {
        var user = invite.RequestUri.User;
        return string.IsNullOrEmpty(user) || string.Equals(user, trunk.ContactUser, StringComparison.Ordinal)
            ? invite.To.Uri.User ?? ""
            : user;
    }
}
