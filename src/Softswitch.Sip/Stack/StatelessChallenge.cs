namespace Softswitch.Sip.Stack;

/// <summary>
/// The To tag of a challenge sent without a transaction (as Kamailio's sl module marks its replies): an ACK carrying
/// it acknowledges such a challenge, has no transaction to go to, and is absorbed quietly.
/// </summary>
public static class StatelessChallenge
{
    /// <summary>Our ordinary tags are hex, so a '-' cannot occur in them.</summary>
    public const string TagPrefix = "sl-";

    /// <summary>Whether <paramref name="toTag"/> is one a stateless challenge carried.</summary>
    public static bool IsItsTag(string? toTag) => toTag is not null && toTag.StartsWith(TagPrefix, StringComparison.Ordinal);
}
