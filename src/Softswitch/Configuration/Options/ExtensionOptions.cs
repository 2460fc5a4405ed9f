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
}
