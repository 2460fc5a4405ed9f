namespace Softswitch.Configuration;

/// <summary>A single key set outside the file, with how the admin wrote it (for messages).</summary>
/// <param name="Key">Configuration path, e.g. <c>sip:port</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Origin">E.g. <c>environment variable SOFTSWITCH_sip__port</c> or <c>command line argument --sip:port=5070</c>.</param>
public sealed record ConfigOverride(string Key, string? Value, string Origin);
