using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// Extensions registered at the test phone's SIP address (<see cref="CallSwitch.PhoneSip"/>), which a bridge or an
/// originated call dials, and that phone's answers to the switch's INVITEs.
/// </summary>
internal static class PartyPhones
{
    /// <summary>Dial targets with each of <paramref name="numbers"/> registered once, ringing 20 s.</summary>
    public static DialTargets Registered(params string[] numbers)
    {
        var now = DateTimeOffset.UtcNow;
        return new DialTargets(new Directory(numbers), number => numbers.Contains(number) ? [Binding(number, now)] : [], TimeProvider.System);
    }

    /// <summary>The rung phone's response to <paramref name="invite"/> (with <paramref name="sdp"/> when not empty).</summary>
    public static string ResponseFor(SipRequest invite, string status, string sdp) =>
        $"SIP/2.0 {status}\r\n" +
        $"Via: {invite.TopVia}\r\n" +
        $"From: {invite.From}\r\n" +
        $"To: {invite.To};tag=party-tag\r\n" +
        $"Call-ID: {invite.CallId}\r\n" +
        $"CSeq: {invite.CSeq}\r\n" +
        $"Contact: <sip:{invite.RequestUri.User}@127.0.0.1:{CallSwitch.PhoneSip.Address.Port}>\r\n" +
        (sdp.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
        $"Content-Length: {sdp.Length}\r\n\r\n" + sdp;

    private static ContactBinding Binding(string number, DateTimeOffset now)
    {
        var contact = $"sip:{number}@127.0.0.1:{CallSwitch.PhoneSip.Address.Port}";
        return new ContactBinding(number, contact, contact, now + TimeSpan.FromDays(3650), "reg-" + number, 1, CallSwitch.PhoneSip, null, null, null, now, now);
    }

    private sealed class Directory(string[] numbers) : ICalleeDirectory
    {
        public CalleeProfile? Find(string number) =>
            numbers.Contains(number) ? new CalleeProfile(number, "Phone " + number) { RingTime = TimeSpan.FromSeconds(20) } : null;

        public RingGroupProfile? FindGroup(string number) => null;

        public IReadOnlySet<string> PickupGroupOf(string number) => new HashSet<string> { number };
    }
}
