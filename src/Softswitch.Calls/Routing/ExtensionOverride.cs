namespace Softswitch.Calls.Routing;

/// <summary>
/// What a phone changed about its extension with feature codes, over the configuration: do-not-disturb (*78/*79) and
/// forward-always (*72NUMBER/*73). A null field leaves the configured value in force.
/// </summary>
/// <param name="Number">The extension.</param>
/// <param name="DoNotDisturb">Set by *78 (true) or *79 (false).</param>
/// <param name="ForwardAlways">Set by *72NUMBER; "" after *73 (forwarding off even when the configuration has one).</param>
/// <param name="ChangedAt">When the phone last changed it.</param>
public sealed record ExtensionOverride(string Number, bool? DoNotDisturb, string? ForwardAlways, DateTimeOffset ChangedAt)
{
    /// <summary>The configured profile with these changes applied.</summary>
    public CalleeProfile Apply(CalleeProfile profile) => profile with
    {
        DoNotDisturb = DoNotDisturb ?? profile.DoNotDisturb,
        ForwardAlways = ForwardAlways is null ? profile.ForwardAlways : ForwardAlways.Length == 0 ? null : ForwardAlways,
    };
}
