namespace Softswitch.Channels;

/// <summary>
/// Calls the switch places itself (a queue's callback, later the outbound dialler): it dials a number as a dial plan
/// context could dial it and, once someone answers, runs an <see cref="ICallApplication"/> on the answered leg as an
/// <see cref="ICallChannel"/> (play, collect keys, bridge to another number, hang up). The call gets its row in
/// <c>calls</c> like any other (source kind <c>switch</c>).
/// </summary>
public interface ICallOriginator
{
    /// <summary>
    /// Dials <see cref="OriginateRequest.Destination"/>. Completes once the dialling is decided: answered (the application
    /// is then running, or has run, on the answered leg) or not reached (busy, no answer, nobody to ring, refused).
    /// Cancelling <paramref name="cancellationToken"/> before the answer stops the ringing.
    /// </summary>
    Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default);
}
