namespace Softswitch.Sip.Dialogs;

/// <summary>What <see cref="InviteAuthenticator.Authenticate"/> decided; only <see cref="InviteAuthenticationStatus.Authenticated"/> leaves the INVITE unanswered.</summary>
/// <param name="Status">Authenticated, Challenged or Forbidden.</param>
/// <param name="Extension">The authenticated extension (the From user) when Authenticated, else null.</param>
/// <param name="Detail">Why it was refused, for logs only (never sent to the caller).</param>
public readonly record struct InviteAuthentication(InviteAuthenticationStatus Status, string? Extension, string Detail)
{
    public bool IsAuthenticated => Status == InviteAuthenticationStatus.Authenticated;
}
