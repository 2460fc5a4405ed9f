namespace Softswitch.Storage.Registrations;

/// <summary>What happened to one REGISTER request, as stored in <c>registration_events.outcome</c>.</summary>
public enum RegistrationOutcome
{
    /// <summary>A new binding was created.</summary>
    Registered,

    /// <summary>An existing binding was refreshed.</summary>
    Refreshed,

    /// <summary>The phone removed a binding (Expires: 0 or Contact: *).</summary>
    Unregistered,

    /// <summary>A binding ran out without being refreshed.</summary>
    Expired,

    /// <summary>A binding was dropped because its extension registered too many contacts.</summary>
    Evicted,

    /// <summary>The request was answered with a digest challenge (401).</summary>
    Challenged,

    /// <summary>Credentials were wrong or the nonce was unusable (403).</summary>
    AuthenticationFailed,

    /// <summary>Refused for another reason (interval too brief, too many contacts, unknown extension…).</summary>
    Rejected,
}
