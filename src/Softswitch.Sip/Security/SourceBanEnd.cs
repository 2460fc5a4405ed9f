namespace Softswitch.Sip.Security;

/// <summary>How a <see cref="SourceBan"/> ended.</summary>
public enum SourceBanEnd
{
    /// <summary>Its time ran out.</summary>
    Expired,

    /// <summary>An administrator lifted it (<c>softswitch security unban</c>).</summary>
    Lifted,
}
