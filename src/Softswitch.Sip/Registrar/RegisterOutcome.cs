namespace Softswitch.Sip.Registrar;

/// <summary>
/// The registrar's answer to a REGISTER: the response to send and what changed.
/// For 200 the response lists every <see cref="Bindings"/> entry as a Contact with its <c>expires</c>
/// (RFC 3261 §10.3 step 8); for 423 it carries <see cref="MinExpires"/> as the Min-Expires header.
/// </summary>
/// <param name="StatusCode">200, 400 (bad <c>*</c> or expires), 423 (interval too brief) or 500 (out-of-order CSeq).</param>
/// <param name="ReasonPhrase">The reason phrase for the status line.</param>
/// <param name="Bindings">The live bindings after the request (empty unless 200).</param>
/// <param name="Changes">What changed, in order (empty unless 200).</param>
/// <param name="MinExpires">For 423 only: the value of the Min-Expires header.</param>
/// <param name="Detail">Why a request was refused, for logs (could also go in a Warning header).</param>
public sealed record RegisterOutcome(
    int StatusCode,
    string ReasonPhrase,
    IReadOnlyList<CurrentBinding> Bindings,
    IReadOnlyList<BindingChange> Changes,
    int? MinExpires = null,
    string? Detail = null)
{
    public bool IsSuccess => StatusCode == 200;

    internal static RegisterOutcome Refused(int statusCode, string reasonPhrase, string detail, int? minExpires = null) =>
        new(statusCode, reasonPhrase, [], [], minExpires, detail);
}
