using System.Net;
using System.Text;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Tests.Support;

/// <summary>SDP as a desk phone writes it, and the few facts a test reads from the switch's SDP.</summary>
internal static class PhoneSdp
{
    /// <summary>PCMU, PCMA and telephone-event on <paramref name="telephoneEvent"/> (not the usual 101, to see it kept).</summary>
    public const string G711 = "0 8";

    public static string Create(RtpPhone phone, int version, string direction = "sendrecv", string codecs = G711, int telephoneEvent = 96)
    {
        var text = new StringBuilder()
            .Append("v=0\r\n")
            .Append($"o=phone 4242 {version} IN IP4 127.0.0.1\r\n")
            .Append("s=-\r\n")
            .Append("c=IN IP4 127.0.0.1\r\n")
            .Append("t=0 0\r\n")
            .Append($"m=audio {phone.RtpPort} RTP/AVP {codecs} {telephoneEvent}\r\n");
        foreach (var codec in codecs.Split(' '))
        {
            text.Append(codec switch
            {
                "0" => "a=rtpmap:0 PCMU/8000\r\n",
                "8" => "a=rtpmap:8 PCMA/8000\r\n",
                _ => throw new ArgumentException($"no rtpmap known for {codec}", nameof(codecs)),
            });
        }

        return text
            .Append($"a=rtpmap:{telephoneEvent} telephone-event/8000\r\n")
            .Append($"a=fmtp:{telephoneEvent} 0-16\r\n")
            .Append($"a=rtcp:{phone.RtcpPort}\r\n")
            .Append("a=ptime:20\r\n")
            .Append($"a={direction}\r\n")
            .ToString();
    }

    /// <summary>The audio stream of the switch's SDP; fails the test when it is unreadable or has none.</summary>
    public static (SessionDescription Session, MediaDescription Audio) ReadAudio(ReadOnlyMemory<byte> body)
    {
        var status = SdpParser.TryParse(body.Span, out var session, out var error);
        Assert.That(status, Is.EqualTo(SdpParseStatus.Ok), $"the switch's SDP: {error}\n{Encoding.UTF8.GetString(body.Span)}");
        var audio = session!.Media.FirstOrDefault(m => m.Media == "audio");
        Assert.That(audio, Is.Not.Null, "the switch's SDP has no audio stream");
        return (session, audio!);
    }

    /// <summary>Where the switch wants its RTP: the stream's (or session's) address and the m= port.</summary>
    public static IPEndPoint MediaEndPoint(ReadOnlyMemory<byte> body)
    {
        var (session, audio) = ReadAudio(body);
        var connection = session.GetEffectiveConnection(audio);
        Assert.That(connection, Is.Not.Null, "the switch's SDP has no c= line");
        return new IPEndPoint(IPAddress.Parse(connection!.Host), audio.Port);
    }
}
