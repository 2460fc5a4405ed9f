using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Tests.Auth;

public class NonceManagerTests
{
    private FakeTimeProvider _clock = null!;
    private NonceManager _nonces = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _nonces = new NonceManager(_clock, new NonceManagerOptions { Lifetime = TimeSpan.FromMinutes(5), MaxTrackedNonces = 4 });
    }

    [Test]
    public void A_fresh_nonce_is_valid_and_unique()
    {
        var first = _nonces.CreateNonce();
        var second = _nonces.CreateNonce();

        Assert.Multiple(() =>
        {
            Assert.That(_nonces.Validate(first), Is.EqualTo(NonceStatus.Valid));
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(first, Does.Match("^[A-Za-z0-9_-]{43}$"), "base64url: safe in a quoted-string");
        });
    }

    [Test]
    [Description("RFC 7616 §3.3 stale: a genuine but expired nonce")]
    public void A_nonce_past_its_lifetime_is_stale()
    {
        var nonce = _nonces.CreateNonce();

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        Assert.That(_nonces.Validate(nonce), Is.EqualTo(NonceStatus.Valid));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(_nonces.Validate(nonce), Is.EqualTo(NonceStatus.Stale));
    }

    [Test]
    public void A_forged_or_altered_nonce_is_invalid()
    {
        var nonce = _nonces.CreateNonce();
        var altered = (nonce[0] == 'A' ? 'B' : 'A') + nonce[1..];

        Assert.Multiple(() =>
        {
            Assert.That(_nonces.Validate(altered), Is.EqualTo(NonceStatus.Invalid));
            Assert.That(_nonces.Validate("dcd98b7102dd2f0e8b11d0f600bfb0c093"), Is.EqualTo(NonceStatus.Invalid));
            Assert.That(_nonces.Validate(""), Is.EqualTo(NonceStatus.Invalid));
            Assert.That(_nonces.Validate(new string('!', 43)), Is.EqualTo(NonceStatus.Invalid));
        });
    }

    [Test]
    public void A_nonce_from_another_key_is_invalid()
    {
        var other = new NonceManager(_clock);

        Assert.That(_nonces.Validate(other.CreateNonce()), Is.EqualTo(NonceStatus.Invalid));
    }

    [Test]
    public void Managers_sharing_a_key_accept_each_others_nonces()
    {
        var key = new byte[32];
        var a = new NonceManager(_clock, new NonceManagerOptions { Key = key });
        var b = new NonceManager(_clock, new NonceManagerOptions { Key = key });

        Assert.That(b.Validate(a.CreateNonce()), Is.EqualTo(NonceStatus.Valid));
    }

    [Test]
    public void A_nonce_dated_in_the_future_is_invalid()
    {
        var nonce = _nonces.CreateNonce();
        var earlier = new NonceManager(new FakeTimeProvider(_clock.GetUtcNow() - TimeSpan.FromMinutes(1)),
            new NonceManagerOptions { Key = new byte[32] });
        var sameKeyNow = new NonceManager(_clock, new NonceManagerOptions { Key = new byte[32] });

        Assert.Multiple(() =>
        {
            Assert.That(earlier.Validate(sameKeyNow.CreateNonce()), Is.EqualTo(NonceStatus.Invalid));
            Assert.That(_nonces.Validate(nonce), Is.EqualTo(NonceStatus.Valid));
        });
    }

    [Test]
    [Description("RFC 7616 §3.4 nc: a count not greater than the last accepted is a replay")]
    public void Nonce_count_must_increase()
    {
        var nonce = _nonces.CreateNonce();

        Assert.Multiple(() =>
        {
            Assert.That(_nonces.TryAcceptNonceCount(nonce, 1), Is.True);
            Assert.That(_nonces.TryAcceptNonceCount(nonce, 1), Is.False, "same nc replayed");
            Assert.That(_nonces.TryAcceptNonceCount(nonce, 3), Is.True, "gaps are fine");
            Assert.That(_nonces.TryAcceptNonceCount(nonce, 2), Is.False, "lower nc");
        });
    }

    [Test]
    public void A_nonce_can_be_spent_once_and_then_accepts_no_count()
    {
        var nonce = _nonces.CreateNonce();

        Assert.Multiple(() =>
        {
            Assert.That(_nonces.TrySpend(nonce), Is.True);
            Assert.That(_nonces.TrySpend(nonce), Is.False, "spent");
            Assert.That(_nonces.TryAcceptNonceCount(nonce, 7), Is.False, "spent, even with a nonce-count");
            Assert.That(_nonces.TrySpend(_nonces.CreateNonce()), Is.True, "another nonce is not spent");
        });
    }

    [Test]
    public void Nonce_counts_are_tracked_per_nonce()
    {
        var first = _nonces.CreateNonce();
        var second = _nonces.CreateNonce();

        Assert.That(_nonces.TryAcceptNonceCount(first, 1), Is.True);
        Assert.That(_nonces.TryAcceptNonceCount(second, 1), Is.True);
    }

    [Test]
    public void Forged_or_expired_nonces_never_accept_a_count()
    {
        var nonce = _nonces.CreateNonce();
        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Multiple(() =>
        {
            Assert.That(_nonces.TryAcceptNonceCount(nonce, 1), Is.False);
            Assert.That(_nonces.TryAcceptNonceCount("forged", 1), Is.False);
            Assert.That(_nonces.TrackedNonceCount, Is.Zero);
        });
    }

    [Test]
    public void Count_history_is_dropped_when_the_nonce_expires()
    {
        _nonces.TryAcceptNonceCount(_nonces.CreateNonce(), 1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        _nonces.TryAcceptNonceCount(_nonces.CreateNonce(), 1);
        Assert.That(_nonces.TrackedNonceCount, Is.EqualTo(2));

        _clock.Advance(TimeSpan.FromMinutes(4));
        _nonces.RemoveExpired();

        Assert.That(_nonces.TrackedNonceCount, Is.EqualTo(1));
    }

    [Test]
    public void Memory_is_bounded_and_a_forgotten_nonce_cannot_be_replayed()
    {
        var oldest = _nonces.CreateNonce();
        _nonces.TryAcceptNonceCount(oldest, 1);
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.That(_nonces.TryAcceptNonceCount(_nonces.CreateNonce(), 1), Is.True);
        }

        Assert.Multiple(() =>
        {
            Assert.That(_nonces.TrackedNonceCount, Is.EqualTo(4));
            Assert.That(_nonces.TryAcceptNonceCount(oldest, 1), Is.False, "history gone: refuse rather than allow a replay");
            Assert.That(_nonces.TryAcceptNonceCount(oldest, 2), Is.False);
        });
    }
}
