using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Hashes pieces joined by ':' (the shape of every digest input, RFC 7616 §3.4) and writes lower-case hex,
/// without building the joined string: the UTF-8 bytes go to a stack buffer (or a pooled one for long input).
/// </summary>
internal static class DigestHasher
{
    /// <summary>Largest hex digest we produce (SHA-256).</summary>
    public const int MaxHexLength = 64;

    private const int StackLimit = 512;

    public static int HashJoined(DigestAlgorithm algorithm, Span<char> hex, ReadOnlySpan<char> p0, ReadOnlySpan<char> p1) =>
        HashJoined(algorithm, hex, 2, p0, p1, default, default, default, default);

    public static int HashJoined(DigestAlgorithm algorithm, Span<char> hex, ReadOnlySpan<char> p0, ReadOnlySpan<char> p1, ReadOnlySpan<char> p2) =>
        HashJoined(algorithm, hex, 3, p0, p1, p2, default, default, default);

    public static int HashJoined(
        DigestAlgorithm algorithm, Span<char> hex, int count,
        ReadOnlySpan<char> p0, ReadOnlySpan<char> p1, ReadOnlySpan<char> p2,
        ReadOnlySpan<char> p3, ReadOnlySpan<char> p4, ReadOnlySpan<char> p5)
    {
        var utf8 = Encoding.UTF8;
        var length = count - 1 + utf8.GetByteCount(p0) + utf8.GetByteCount(p1);
        if (count > 2) length += utf8.GetByteCount(p2);
        if (count > 3) length += utf8.GetByteCount(p3);
        if (count > 4) length += utf8.GetByteCount(p4);
        if (count > 5) length += utf8.GetByteCount(p5);

        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var input = buffer[..length];
        try
        {
            var at = utf8.GetBytes(p0, input);
            at += Append(input[at..], p1);
            if (count > 2) at += Append(input[at..], p2);
            if (count > 3) at += Append(input[at..], p3);
            if (count > 4) at += Append(input[at..], p4);
            if (count > 5) Append(input[at..], p5);
            return HashToHex(algorithm, input, hex);
        }
        finally
        {
            // The input may hold a password: do not leave it in the pool or on the stack.
            CryptographicOperations.ZeroMemory(input);
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Append(Span<byte> destination, ReadOnlySpan<char> piece)
    {
        destination[0] = (byte)':';
        return 1 + Encoding.UTF8.GetBytes(piece, destination[1..]);
    }

    private static int HashToHex(DigestAlgorithm algorithm, ReadOnlySpan<byte> input, Span<char> hex)
    {
        Span<byte> digest = stackalloc byte[32];
        var size = algorithm.HexLength() == 32 ? MD5.HashData(input, digest) : SHA256.HashData(input, digest);
        Convert.TryToHexStringLower(digest[..size], hex, out var written);
        return written;
    }
}
