namespace Softswitch.Calls.Bridging;

/// <summary>
/// Turns a number into whom to ring, as if <see cref="CallSource"/> had dialled it: the source's dial plan context,
/// extensions and ring groups by their numbers, trunk routes behind the toll-fraud guard. An application's bridge
/// (an IVR's transfer, a queue ringing an agent) dials through it.
/// </summary>
public interface IDestinationResolver
{
    /// <summary>Whom to ring for <paramref name="number"/>, or null with the SIP status a caller dialling it would get.</summary>
    DialTarget? Resolve(CallSource source, string number, out int refusedWith);
}
