namespace Softswitch.Extensions;

/// <summary>A phone account: what the registrar and digest authentication need.</summary>
/// <param name="Number">Digits dialled to reach it; also the digest user name.</param>
/// <param name="Name">Display name, if configured.</param>
/// <param name="Password">Digest password.</param>
public sealed record Extension(string Number, string? Name, string Password)
{
    /// <summary>Keeps the password out of logs and debugger views.</summary>
    public override string ToString() => $"Extension {{ Number = {Number}, Name = {Name} }}";
}
