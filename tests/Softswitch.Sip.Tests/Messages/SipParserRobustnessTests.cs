using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>Bad input from the network must never throw: every truncation and thousands of random mutations.</summary>
public class SipParserRobustnessTests
{
    private static readonly byte[] s_interesting = ":;,<>\"\\\r\n %0@=/?[]\t*"u8.ToArray();

    [Test]
    public void Every_truncation_of_an_invite_is_invalid_and_only_the_whole_message_parses()
    {
        var invite = SampleMessages.InviteBytes;

        for (var length = 0; length < invite.Length; length++)
        {
            var status = SipMessageParser.TryParse(invite.AsSpan(0, length), out var message, out var error);
            Assert.That(status, Is.EqualTo(SipParseStatus.Invalid), $"prefix of {length} bytes");
            Assert.That(message, Is.Null);
            Assert.That(error.Reason, Does.Not.StartWith("internal"), $"prefix of {length} bytes");
        }
        Assert.That(SipMessageParser.TryParse(invite, out _, out _), Is.EqualTo(SipParseStatus.Ok));
    }

    [TestCaseSource(typeof(Rfc4475Tests), nameof(Rfc4475Tests.AllFiles))]
    public void Truncations_of_rfc_messages_never_throw(string name)
    {
        var bytes = TestDataFiles.Read($"Rfc4475/{name}.dat");
        for (var length = 0; length <= bytes.Length; length++)
        {
            var status = SipMessageParser.TryParse(bytes.AsSpan(0, length), out var message, out var error);
            Assert.That(error.Reason, Does.Not.StartWith("internal"), $"prefix of {length} bytes");
            if (status == SipParseStatus.Ok)
            {
                ReadEverything(message!);
            }
        }
    }

    [Test]
    public void Random_mutations_never_throw_and_accepted_messages_are_fully_readable()
    {
        var random = new Random(4475);
        var seeds = new[] { SampleMessages.InviteBytes, TestDataFiles.Read("Rfc4475/wsinv.dat"), TestDataFiles.Read("Rfc4475/esc01.dat") };
        var accepted = 0;

        for (var i = 0; i < 5000; i++)
        {
            var mutated = Mutate(seeds[i % seeds.Length], random);

            var status = SipMessageParser.TryParse(mutated, out var message, out var error);

            Assert.That(error.Reason, Does.Not.StartWith("internal"), () => Encoding.UTF8.GetString(mutated));
            if (status == SipParseStatus.Ok)
            {
                accepted++;
                ReadEverything(message!);
                var rewritten = SipMessageWriter.ToBytes(message!);
                Assert.That(SipMessageParser.TryParse(rewritten, out _, out var again), Is.EqualTo(SipParseStatus.Ok),
                    () => again.Reason + "\n" + Encoding.UTF8.GetString(mutated));
            }
        }
        Assert.That(accepted, Is.GreaterThan(100), "mutations should not all be fatal");
    }

    [Test]
    public void Random_garbage_never_throws()
    {
        var random = new Random(3261);
        for (var i = 0; i < 2000; i++)
        {
            var garbage = new byte[random.Next(0, 300)];
            for (var k = 0; k < garbage.Length; k++)
            {
                garbage[k] = random.Next(3) == 0 ? s_interesting[random.Next(s_interesting.Length)] : (byte)random.Next(256);
            }
            var prefix = random.Next(2) == 0 ? "INVITE sip:a@b SIP/2.0\r\n"u8.ToArray() : [];
            SipMessageParser.TryParse([.. prefix, .. garbage], out _, out var error);
            Assert.That(error.Reason, Does.Not.StartWith("internal"));
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            var value = random.Next(4) == 0 ? (byte)random.Next(256) : s_interesting[random.Next(s_interesting.Length)];
            switch (random.Next(3))
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                default: bytes.RemoveAt(at); break;
            }
        }
        return bytes.ToArray();
    }

    private static void ReadEverything(SipMessage message)
    {
        if (message is SipRequest request)
        {
            _ = request.RequestUri.ToString();
            _ = request.MethodName;
        }
        else
        {
            _ = ((SipResponse)message).ReasonPhrase;
        }
        _ = message.CallId;
        _ = message.CSeq.ToString();
        _ = message.Vias.Select(v => v.ToString() + v.Branch + v.RPort).ToList();
        _ = message.From.ToString() + message.From.Tag;
        _ = message.To.ToString() + message.To.Uri;
        _ = message.Contacts.Select(c => c.ToString() + c.Expires).ToList();
        _ = message.Routes.Count + message.RecordRoutes.Count;
        _ = message.Expires;
        _ = message.ContentType;
        _ = message.Headers.ToList();
        foreach (var header in message.Headers)
        {
            _ = message.GetHeaderValues(header.Name);
        }
    }
}
