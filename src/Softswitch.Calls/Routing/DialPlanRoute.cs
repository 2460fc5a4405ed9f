namespace Softswitch.Calls.Routing;

/// <summary>One configured route: a number or pattern, its target, and whether calls on it are recorded.</summary>
/// <param name="Match">Exact number, or a pattern: X is any digit, a final * matches the rest; other * are dialled as is.</param>
/// <param name="Target">What the route does.</param>
/// <param name="Destination">The extension number, flow name or music class, when the target needs one.</param>
/// <param name="Record">Record the call as stereo WAV.</param>
public sealed record DialPlanRoute(string Match, RouteTarget Target, string? Destination = null, bool Record = false)
{
    /// <summary>A prompt played on answer (a name under sounds/&lt;language&gt;/), cut short by a key press.</summary>
    public string? Greeting { get; init; }

    /// <summary>How long to ring (180) before answering.</summary>
    public TimeSpan AnswerAfter { get; init; }

    /// <summary>The context the route belongs to: who can reach it (<see cref="DialContexts"/>).</summary>
    public string Context { get; init; } = DialContexts.Internal;

    /// <summary>Trunk routes: the trunks to try in order (the first, then each failover).</summary>
    public IReadOnlyList<string> Trunks { get; init; } = [];

    /// <summary>Trunk routes: leading digits removed from the dialled number before <see cref="Prefix"/> is put in front.</summary>
    public int Strip { get; init; }

    /// <summary>Trunk routes: put in front of the (stripped) number sent to the carrier.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Trunk routes: the permission class an extension needs to use it.</summary>
    public PermissionClass Requires { get; init; } = PermissionClass.National;

    /// <summary>Trunk routes in a trunk's inbound context: only when true may a carrier's call go out on a trunk again.</summary>
    public bool AllowFromTrunks { get; init; }

    /// <summary>The number sent to the carrier for <paramref name="dialled"/>: stripped, then prefixed.</summary>
    public string OutboundNumber(string dialled) => Prefix + (Strip >= dialled.Length ? "" : dialled[Strip..]);

    /// <summary>Exact numbers beat patterns; among patterns, the one with more fixed characters wins.</summary>
    internal bool IsPattern => Match.Contains('X', StringComparison.OrdinalIgnoreCase) || (Match.Length > 1 && Match.EndsWith('*'));

    internal int Specificity => Match.Count(c => c is not ('X' or 'x')) - (Match.EndsWith('*') ? 1 : 0);

    internal bool Matches(string dialled)
    {
        if (!IsPattern) return string.Equals(Match, dialled, StringComparison.Ordinal);
        var open = Match.Length > 1 && Match.EndsWith('*');
        var body = open ? Match[..^1] : Match;
        if (open ? dialled.Length < body.Length : dialled.Length != body.Length) return false;
        for (var i = 0; i < body.Length; i++)
        {
            var expected = body[i];
            if (expected is 'X' or 'x' ? !char.IsAsciiDigit(dialled[i]) : expected != dialled[i]) return false;
        }

        return true;
    }
}
