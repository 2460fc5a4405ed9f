namespace Softswitch.Calls.Routing;

/// <summary>How an extension takes calls: how long it rings, where it forwards, whether it is in do-not-disturb.</summary>
/// <param name="Number">The extension number.</param>
/// <param name="Name">Its display name, if configured.</param>
public sealed record CalleeProfile(string Number, string? Name)
{
    /// <summary>How long its devices ring before the call goes to <see cref="ForwardNoAnswer"/> or gets 480.</summary>
    public TimeSpan RingTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every call goes straight here instead (another extension).</summary>
    public string? ForwardAlways { get; init; }

    /// <summary>Where a call goes when every device is busy (or the extension is in do-not-disturb).</summary>
    public string? ForwardBusy { get; init; }

    /// <summary>Where a call goes when nobody answered in <see cref="RingTime"/>, or no device is registered.</summary>
    public string? ForwardNoAnswer { get; init; }

    /// <summary>Do not disturb: calls are refused busy (486) or go to <see cref="ForwardBusy"/>.</summary>
    public bool DoNotDisturb { get; init; }

    /// <summary>The number its calls out through a trunk present; null: the trunk's own caller ID.</summary>
    public string? OutsideCallerId { get; init; }

    /// <summary>Which trunk routes the extension may use when it calls out.</summary>
    public PermissionClass Permission { get; init; } = PermissionClass.National;
}
