using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// The To tag of every response we send to one caller's call set-up: the same for the 401/407 challenge and for the
/// 2xx that makes the dialog, because it is derived from the request's Call-ID and From tag with a per-process secret
/// key (HMAC-SHA-256, 64 bits: as unguessable as a random tag, §19.3). A copy of the challenge can reach the phone
/// after the 200 (retransmitted because its ACK was lost, or repeated for a late copy of the first INVITE); a phone that
/// keeps the To tag of the last response it received (sipp does) still names the dialog in its BYE. Without a From
/// tag (an RFC 2543 peer) there is nothing to derive from, and the tag is random.
/// </summary>
public static class ToTags
{
    private const int StackLimit = 512;
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Our To tag for out-of-dialog <paramref name="request"/>.</summary>
    public static string For(SipRequest request) =>
        request.From?.Tag is { } fromTag ? For(request.CallId, fromTag) : SipIds.NewTag();

    /// <summary>Our To tag for the call <paramref name="callId"/> from the caller's tag <paramref name="fromTag"/>.</summary>
    public static string For(string callId, string fromTag)
    {
        var length = Encoding.UTF8.GetMaxByteCount(callId.Length + 1 + fromTag.Length);
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> input = rented ?? stackalloc byte[StackLimit];
            var written = Encoding.UTF8.GetBytes(callId, input);
            input[written++] = (byte)'\n'; // neither a Call-ID nor a tag contains a line break
            written += Encoding.UTF8.GetBytes(fromTag, input[written..]);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(Key, input[..written], hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
