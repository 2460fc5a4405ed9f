using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transport.SipSamples;

namespace Softswitch.Sip.Tests.Transport;

public class SipStreamFramerTests
{
    private static readonly SipStreamFramer Framer = new(65_535);

    private static (SipFrameResult Result, string Text) MessageFrame(string text) => (SipFrameResult.Message, text);

    private static (SipFrameResult Result, string Text) Frame(SipFrameResult result) => (result, "");

    [Test]
    [Description("RFC 3261 §18.3")]
    public void Message_in_one_piece_is_framed_with_its_body()
    {
        var invite = Bytes(Invite());
        var state = default(SipFramerState);

        var result = Framer.TryRead(ref state, invite, out int length);

        Assert.That(result, Is.EqualTo(SipFrameResult.Message));
        Assert.That(length, Is.EqualTo(invite.Length));
        Assert.That(state, Is.EqualTo(default(SipFramerState)), "state resets for the next frame");
    }

    [Test]
    public void Message_fed_one_byte_at_a_time_is_framed_once_at_its_last_byte()
    {
        var invite = Bytes(Invite());
        var state = default(SipFramerState);

        for (int end = 1; end < invite.Length; end++)
        {
            var partial = Framer.TryRead(ref state, invite.AsSpan(0, end), out _);
            Assert.That(partial, Is.EqualTo(SipFrameResult.NeedMoreData), $"after {end} bytes");
        }

        var result = Framer.TryRead(ref state, invite, out int length);
        Assert.That(result, Is.EqualTo(SipFrameResult.Message));
        Assert.That(length, Is.EqualTo(invite.Length));
    }

    [Test]
    public void Search_resumes_where_it_stopped_instead_of_rescanning()
    {
        var invite = Bytes(Invite());
        int headerLength = Invite().IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var state = default(SipFramerState);

        Framer.TryRead(ref state, invite.AsSpan(0, 100), out _);
        Assert.That(state.ScannedLength, Is.EqualTo(100));

        Framer.TryRead(ref state, invite.AsSpan(0, headerLength + 1), out _);
        Assert.That(state.HeaderComplete, Is.True);
        Assert.That(state.MessageLength, Is.EqualTo(invite.Length));
    }

    [Test]
    public void Stream_in_one_byte_segments_yields_each_message_once()
    {
        var stream = Bytes(Invite() + Options + Invite());

        var feeder = StreamFeeder.Feed(Framer, stream.Select(b => new[] { b }));

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(Invite()), MessageFrame(Options), MessageFrame(Invite()) }));
    }

    [Test]
    public void Every_two_way_split_of_a_message_with_a_body_yields_the_same_message()
    {
        var invite = Bytes(Invite());
        for (int split = 1; split < invite.Length; split++)
        {
            var feeder = StreamFeeder.Feed(Framer, [invite[..split], invite[split..]]);

            Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(Invite()) }), $"split at {split}");
        }
    }

    [Test]
    public void Two_messages_back_to_back_in_one_buffer_are_two_frames()
    {
        var feeder = StreamFeeder.Feed(Framer, [Bytes(Invite() + Options)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(Invite()), MessageFrame(Options) }));
    }

    [Test]
    [Description("RFC 5626 §4.4.1, RFC 3261 §7.5")]
    public void Pings_and_pongs_between_messages_are_reported_and_skipped()
    {
        var stream = "\r\n\r\n" + Options + "\r\n" + Invite() + "\r\n\r\n" + "\r\n" + Options;

        var feeder = StreamFeeder.Feed(Framer, [Bytes(stream)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[]
        {
            Frame(SipFrameResult.KeepAlivePing),
            MessageFrame(Options),
            Frame(SipFrameResult.Skip),
            MessageFrame(Invite()),
            Frame(SipFrameResult.KeepAlivePing),
            Frame(SipFrameResult.Skip),
            MessageFrame(Options),
        }));
    }

    [Test]
    [Description("RFC 5626 §4.4.1")]
    public void Ping_split_across_segments_is_one_ping_not_two_stray_line_breaks()
    {
        var feeder = StreamFeeder.Feed(Framer, [Bytes("\r"), Bytes("\n"), Bytes("\r"), Bytes("\n")]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { Frame(SipFrameResult.KeepAlivePing) }));
    }

    [Test]
    public void Lone_pong_waits_until_the_next_byte_shows_it_is_not_a_ping()
    {
        var state = default(SipFramerState);

        Assert.That(Framer.TryRead(ref state, Bytes("\r\n"), out _), Is.EqualTo(SipFrameResult.NeedMoreData));
        Assert.That(Framer.TryRead(ref state, Bytes("\r\nO"), out int length), Is.EqualTo(SipFrameResult.Skip));
        Assert.That(length, Is.EqualTo(2));
    }

    [TestCase("l: {0}")]
    [TestCase("L:{0}")]
    [TestCase("content-length: {0}")]
    [TestCase("CONTENT-LENGTH:\t{0}")]
    [Description("RFC 3261 §7.3.1, §7.3.3, §20.14")]
    public void Content_length_is_found_in_compact_form_and_any_case(string header)
    {
        var invite = Invite(header);

        var feeder = StreamFeeder.Feed(Framer, [Bytes(invite + Options)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(invite), MessageFrame(Options) }));
    }

    [TestCase("Content-Length   :    {0}   ")]
    [TestCase("Content-Length :\r\n   {0}")]
    [TestCase("Content-Length\r\n :\r\n\t{0}")]
    [TestCase("l\t:\r\n {0}\r\n ")]
    [Description("RFC 3261 §7.3.1: whitespace and folding around the colon and the value")]
    public void Content_length_with_whitespace_and_folding_is_read(string header)
    {
        var invite = Invite(header);

        var feeder = StreamFeeder.Feed(Framer, [Bytes(invite + Options)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(invite), MessageFrame(Options) }));
    }

    [Test]
    public void Headers_that_only_resemble_content_length_are_ignored()
    {
        var invite = Invite("X-Content-Length: 999\r\nLength: 7\r\nSubject: l: 5\r\nContent-Length: {0}");

        var feeder = StreamFeeder.Feed(Framer, [Bytes(invite)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(invite) }));
    }

    [Test]
    [Description("RFC 3261 §18.3: Content-Length MUST be used on a stream")]
    public void Missing_content_length_is_an_error()
    {
        var message = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n";

        var feeder = StreamFeeder.Feed(Framer, [Bytes(message)]);

        Assert.That(feeder.Error, Is.EqualTo(SipFramingError.BadContentLength));
    }

    [TestCase("Content-Length: abc")]
    [TestCase("Content-Length: 12abc")]
    [TestCase("Content-Length: -1")]
    [TestCase("Content-Length:")]
    [TestCase("Content-Length: {0}\r\nl: 3")]
    public void Malformed_or_conflicting_content_length_is_an_error(string header)
    {
        var feeder = StreamFeeder.Feed(Framer, [Bytes(Invite(header))]);

        Assert.That(feeder.Error, Is.EqualTo(SipFramingError.BadContentLength));
    }

    [Test]
    public void Repeated_equal_content_length_is_accepted()
    {
        var invite = Invite("Content-Length: {0}\r\nl: {0}");

        var feeder = StreamFeeder.Feed(Framer, [Bytes(invite)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(invite) }));
    }

    [Test]
    public void Header_block_over_the_limit_is_an_error_as_soon_as_the_limit_is_passed()
    {
        var framer = new SipStreamFramer(200);
        var endless = Bytes("INVITE sip:bob@127.0.0.1 SIP/2.0\r\nSubject: " + new string('x', 500));
        var state = default(SipFramerState);

        Assert.That(framer.TryRead(ref state, endless.AsSpan(0, 199), out _), Is.EqualTo(SipFrameResult.NeedMoreData));
        var result = framer.TryRead(ref state, endless.AsSpan(0, 200), out _);

        Assert.That(result, Is.EqualTo(SipFrameResult.Error));
        Assert.That(state.Error, Is.EqualTo(SipFramingError.MessageTooLarge));
    }

    [Test]
    public void Body_over_the_limit_is_an_error_before_the_body_arrives()
    {
        var invite = Invite();
        int headerLength = invite.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var framer = new SipStreamFramer(headerLength + InviteBody.Length - 1);
        var state = default(SipFramerState);

        var result = framer.TryRead(ref state, Bytes(invite).AsSpan(0, headerLength), out _);

        Assert.That(result, Is.EqualTo(SipFrameResult.Error));
        Assert.That(state.Error, Is.EqualTo(SipFramingError.MessageTooLarge));
    }

    [Test]
    public void Huge_content_length_is_too_large_not_an_overflow()
    {
        var feeder = StreamFeeder.Feed(Framer, [Bytes(Invite("Content-Length: 99999999999999999999999"))]);

        Assert.That(feeder.Error, Is.EqualTo(SipFramingError.MessageTooLarge));
    }

    [Test]
    public void Message_of_exactly_the_limit_is_accepted()
    {
        var invite = Invite();
        var framer = new SipStreamFramer(invite.Length);

        var feeder = StreamFeeder.Feed(framer, [Bytes(invite)]);

        Assert.That(feeder.Frames, Is.EqualTo(new[] { MessageFrame(invite) }));
    }
}
