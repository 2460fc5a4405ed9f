namespace Softswitch.Channels;

/// <summary>Who placed the call: an extension of this switch, or a carrier on a trunk.</summary>
/// <param name="Kind">extension or trunk.</param>
/// <param name="Name">The extension number, or the trunk's name.</param>
public sealed record CallOrigin(CallOriginKind Kind, string Name);
