using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Tests.Dtmf.Support;

/// <summary>A receiver on a fake clock with its reports recorded, and a terse way to feed packets.</summary>
internal sealed class ReceiverHarness : IDisposable
{
    public const byte TelephoneEventType = 101;

    private ushort _sequence = 1000;

    public ReceiverHarness(TimeSpan? endTimeout = null)
    {
        Receiver = new TelephoneEventReceiver(TelephoneEventType, Clock, endTimeout: endTimeout);
        Receiver.DigitStarted += e => Started.Add(e);
        Receiver.DigitEnded += e => Ended.Add(e);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public TelephoneEventReceiver Receiver { get; }

    public List<DtmfEvent> Started { get; } = [];

    public List<DtmfEvent> Ended { get; } = [];

    public string EndedText => new([.. Ended.Select(e => e.Digit.ToChar())]);

    public static byte[] Payload(DtmfDigit digit, ushort duration, bool end = false, byte volume = 10)
    {
        var bytes = new byte[4];
        new TelephoneEventPayload((byte)digit, end, volume, duration).WriteTo(bytes);
        return bytes;
    }

    public TelephoneEventReceiveResult Packet(uint timestamp, DtmfDigit digit, ushort duration, bool end = false, bool marker = false) =>
        Receiver.Receive(TelephoneEventType, _sequence++, timestamp, marker, Payload(digit, duration, end));

    public TelephoneEventReceiveResult Raw(byte payloadType, uint timestamp, bool marker, byte[] payload) =>
        Receiver.Receive(payloadType, _sequence++, timestamp, marker, payload);

    /// <summary>A whole well-formed press: marker start, updates every 160 units, three end packets.</summary>
    public void Press(uint timestamp, DtmfDigit digit, ushort duration)
    {
        Packet(timestamp, digit, 160, marker: true);
        for (ushort d = 320; d < duration; d += 160)
        {
            Packet(timestamp, digit, d);
        }
        for (var i = 0; i < 3; i++)
        {
            Packet(timestamp, digit, duration, end: true);
        }
    }

    public void Dispose() => Receiver.Dispose();
}
