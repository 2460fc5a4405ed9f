namespace Softswitch.Configuration.Validation;

/// <summary>
/// The passwords shipped in <c>configs/softswitch.yaml</c>. Anyone can read them in the source, so
/// a system still using one is open to toll fraud as soon as it is reachable.
/// </summary>
public static class DemoPasswords
{
    private static readonly HashSet<string> Shipped = new(StringComparer.Ordinal)
    {
        "change-me-1001",
        "change-me-1002",
        "change-me-1003",
        "change-me-1004",
        "change-me-1005",
    };

    /// <summary>True when <paramref name="password"/> is one of the shipped demo passwords.</summary>
    public static bool IsDemo(string? password) => password is not null && Shipped.Contains(password);
}
