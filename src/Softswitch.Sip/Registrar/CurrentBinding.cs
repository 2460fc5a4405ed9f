namespace Softswitch.Sip.Registrar;

/// <summary>A live binding and its remaining lifetime, as listed in a 200 OK to REGISTER (RFC 3261 §10.3 step 8).</summary>
public readonly record struct CurrentBinding(ContactBinding Binding, int ExpiresInSeconds);
