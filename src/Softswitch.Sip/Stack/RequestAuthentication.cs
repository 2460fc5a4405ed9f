namespace Softswitch.Sip.Stack;

/// <summary>What <see cref="RequestAuthenticator.Authenticate"/> decided; only <see cref="RequestAuthenticationStatus.Authenticated"/> leaves the INVITE unanswered.</summary>
/// <param name="Status">Authenticated, Challenged or Forbidden.</param>
/// <param name="Extension">The authenticated extension (the From user) when Authenticated, else null.</param>
/// <param name="Detail">Why it was refused, for logs only (never sent to the caller).</param>
public readonly record struct RequestAuthentication(RequestAuthenticationStatus Status, string? Extension, string Detail)
{
    public bool IsAuthenticated => Status == RequestAuthenticationStatus.Authenticated;
}
