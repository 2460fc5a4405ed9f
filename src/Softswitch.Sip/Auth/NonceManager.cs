using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Issues and checks stateless server nonces (RFC 7616 §3.3 suggests "time-stamp H(time-stamp ":" ETag ":" secret-data)"),
/// and remembers the highest nonce-count accepted per nonce to reject replays (RFC 7616 §3.4, §5.12).
/// A nonce is base64url of: issue time (8 bytes, Unix ms, big endian) | 8 random bytes | first 16 bytes of
/// HMAC-SHA256(key, time | random). Nothing is stored when a nonce is issued; only a nonce that authenticated
/// a request takes memory, until its lifetime ends, and never more than <see cref="NonceManagerOptions.MaxTrackedNonces"/>.
/// Thread-safe.
/// </summary>
public sealed class NonceManager
{
    private const int TimeLength = 8;
    private const int RandomLength = 8;
    private const int TagLength = 16;
    private const int PayloadLength = TimeLength + RandomLength;
    private const int RawLength = PayloadLength + TagLength;
    private static readonly int EncodedLength = Base64Url.GetEncodedLength(RawLength);

    /// <summary>Tolerated clock step backwards before a nonce "from the future" is refused as forged.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _timeProvider;
    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly int _maxTracked;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, uint> _highestCount = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, long> _byIssueTime = new();

    /// <summary>Nonces issued at or before this time (Unix ms) were forgotten to bound memory: treat as stale.</summary>
    private long _forgottenUpTo = long.MinValue;

    public NonceManager(TimeProvider timeProvider, NonceManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new NonceManagerOptions();
        if (options.Lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "Lifetime must be positive.");
        if (options.MaxTrackedNonces < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxTrackedNonces must be at least 1.");
        _timeProvider = timeProvider;
        _key = options.Key is { Length: > 0 } key ? (byte[])key.Clone() : RandomNumberGenerator.GetBytes(32);
        _lifetime = options.Lifetime;
        _maxTracked = options.MaxTrackedNonces;
    }

    /// <summary>How long a nonce stays valid.</summary>
    public TimeSpan Lifetime => _lifetime;

    /// <summary>Number of nonces whose nonce-count is currently remembered.</summary>
    public int TrackedNonceCount
    {
        get { lock (_lock) return _highestCount.Count; }
    }

    /// <summary>A fresh nonce (43 characters of base64url: safe inside a quoted-string and a token).</summary>
    public string CreateNonce()
    {
        Span<byte> raw = stackalloc byte[RawLength];
        BinaryPrimitives.WriteInt64BigEndian(raw, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(raw.Slice(TimeLength, RandomLength));
        WriteTag(raw[..PayloadLength], raw[PayloadLength..]);
        return Base64Url.EncodeToString(raw);
    }

    /// <summary>Checks that this server issued the nonce and that it is within its lifetime. Never throws.</summary>
    public NonceStatus Validate(ReadOnlySpan<char> nonce)
    {
        return TryDecode(nonce, out var issuedAt) ? StatusOf(issuedAt) : NonceStatus.Invalid;
    }

    private NonceStatus StatusOf(long issuedAt)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (issuedAt > now + (long)FutureTolerance.TotalMilliseconds)
        {
            return NonceStatus.Invalid;
        }
        return now - issuedAt >= (long)_lifetime.TotalMilliseconds ? NonceStatus.Stale : NonceStatus.Valid;
    }

    /// <summary>
    /// Records <paramref name="nonceCount"/> for a valid nonce if it is greater than every count accepted before
    /// for that nonce (RFC 7616 §3.4: "nc ... the server can detect request replays").
    /// False for a replayed or lower count, and for a nonce that is not valid or was forgotten.
    /// Call only after the response digest proved correct, so that forged requests take no memory.
    /// </summary>
    public bool TryAcceptNonceCount(string nonce, uint nonceCount)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        if (!TryDecode(nonce, out var issuedAt) || StatusOf(issuedAt) != NonceStatus.Valid)
        {
            return false;
        }
        lock (_lock)
        {
            ForgetExpired();
            if (_highestCount.TryGetValue(nonce, out var highest))
            {
                if (nonceCount <= highest)
                {
                    return false;
                }
                _highestCount[nonce] = nonceCount;
                return true;
            }
            if (issuedAt <= _forgottenUpTo)
            {
                return false; // its history was dropped to bound memory: cannot tell a replay apart
            }
            if (_highestCount.Count >= _maxTracked)
            {
                ForgetOldest();
            }
            _highestCount.Add(nonce, nonceCount);
            _byIssueTime.Enqueue(nonce, issuedAt);
            return true;
        }
    }

    /// <summary>
    /// Marks a valid nonce as spent by a response without qop, which has no nonce-count: true on its first use only,
    /// false afterwards (with or without a nonce-count) and for a nonce that is not valid or was forgotten.
    /// Call only after the response digest proved correct.
    /// </summary>
    public bool TrySpend(string nonce) => TryAcceptNonceCount(nonce, uint.MaxValue); // no later count can be higher

    /// <summary>Drops the nonce-count history of expired nonces. Called on every accept; the host may also call it periodically.</summary>
    public void RemoveExpired()
    {
        lock (_lock)
        {
            ForgetExpired();
        }
    }

    private void ForgetExpired()
    {
        var expiredBefore = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - (long)_lifetime.TotalMilliseconds;
        while (_byIssueTime.TryPeek(out var nonce, out var issuedAt) && issuedAt <= expiredBefore)
        {
            _byIssueTime.Dequeue();
            _highestCount.Remove(nonce);
        }
    }

    private void ForgetOldest()
    {
        if (_byIssueTime.TryDequeue(out var nonce, out var issuedAt))
        {
            _highestCount.Remove(nonce);
            _forgottenUpTo = Math.Max(_forgottenUpTo, issuedAt);
        }
    }

    private bool TryDecode(ReadOnlySpan<char> nonce, out long issuedAt)
    {
        issuedAt = 0;
        if (nonce.Length != EncodedLength)
        {
            return false;
        }
        Span<byte> raw = stackalloc byte[RawLength + 2];
        if (Base64Url.DecodeFromChars(nonce, raw, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != nonce.Length || written != RawLength)
        {
            return false;
        }
        Span<byte> expectedTag = stackalloc byte[TagLength];
        WriteTag(raw[..PayloadLength], expectedTag);
        if (!CryptographicOperations.FixedTimeEquals(expectedTag, raw.Slice(PayloadLength, TagLength)))
        {
            return false;
        }
        issuedAt = BinaryPrimitives.ReadInt64BigEndian(raw);
        return true;
    }

    private void WriteTag(ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, payload, mac);
        mac[..TagLength].CopyTo(tag);
    }
}
