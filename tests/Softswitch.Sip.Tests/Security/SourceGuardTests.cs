using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Security;

namespace Softswitch.Sip.Tests.Security;

public sealed class SourceGuardTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress Phone = IPAddress.Parse("192.0.2.50");

    private FakeTimeProvider _time = null!;
    private RecordingObserver _observer = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        _observer = new RecordingObserver();
    }

    [Test]
    public void The_failure_that_reaches_the_limit_bans_the_address_and_nothing_before_it()
    {
        var guard = Guard();
        Fail(guard, Guesser, 9);
        Assert.That(guard.Admit(Guesser), Is.True, "9 failures are under the limit of 10");

        guard.OnAuthFailed(Guesser);

        Assert.Multiple(() =>
        {
            Assert.That(guard.Admit(Guesser), Is.False);
            Assert.That(guard.Admit(Phone), Is.True, "another address is not affected");
            Assert.That(_observer.Banned, Has.Count.EqualTo(1));
            Assert.That(_observer.Banned[0].Failures, Is.EqualTo(10));
            Assert.That(_observer.Banned[0].Until, Is.EqualTo(_time.GetUtcNow() + TimeSpan.FromSeconds(600)));
        });
    }

    [Test]
    public void Failures_spread_wider_than_the_window_never_ban()
    {
        var guard = Guard();
        for (var i = 0; i < 30; i++)
        {
            guard.OnAuthFailed(Guesser);
            _time.Advance(TimeSpan.FromSeconds(7)); // 10 failures span 63 s > 60 s
        }

        Assert.That(guard.Admit(Guesser), Is.True);
        Assert.That(_observer.Banned, Is.Empty);
    }

    [Test]
    public void Failures_while_banned_are_not_counted_nor_reported_again()
    {
        var guard = Guard();
        Fail(guard, Guesser, 10);

        Fail(guard, Guesser, 50);

        Assert.That(_observer.Banned, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_ban_ends_after_its_time_and_its_end_is_reported_once()
    {
        var guard = Guard();
        Fail(guard, Guesser, 10);
        _time.Advance(TimeSpan.FromSeconds(599));
        Assert.That(guard.Admit(Guesser), Is.False);

        _time.Advance(TimeSpan.FromSeconds(1));
        guard.Sweep();
        var admitted = guard.Admit(Guesser);
        guard.Sweep();

        Assert.Multiple(() =>
        {
            Assert.That(admitted, Is.True);
            Assert.That(_observer.Ended, Is.EqualTo(new[] { (Guesser, SourceBanEnd.Expired) }));
            Assert.That(guard.ActiveBans, Is.Empty);
        });
    }

    [Test]
    public void A_ban_that_ends_on_a_packet_before_the_sweep_is_reported_once()
    {
        var guard = Guard();
        Fail(guard, Guesser, 10);
        _time.Advance(TimeSpan.FromSeconds(600));

        Assert.That(guard.Admit(Guesser), Is.True);
        guard.Sweep();

        Assert.That(_observer.Ended, Has.Count.EqualTo(1));
    }

    [Test]
    public void After_a_ban_the_count_starts_again_from_zero()
    {
        var guard = Guard();
        Fail(guard, Guesser, 10);
        _time.Advance(TimeSpan.FromSeconds(600));
        guard.Sweep();

        Fail(guard, Guesser, 9);

        Assert.That(guard.Admit(Guesser), Is.True);
        guard.OnAuthFailed(Guesser);
        Assert.That(guard.Admit(Guesser), Is.False);
    }

    [Test]
    public void An_allowed_network_is_never_banned_nor_rate_limited()
    {
        var guard = Guard(new SourceGuardOptions { Allow = [IPNetwork.Parse("192.0.2.0/28")], MaxRequestsPerSecondPerAddress = 5 });

        Fail(guard, Guesser, 100);
        var admitted = Enumerable.Range(0, 50).Count(_ => guard.Admit(Guesser));

        Assert.That(admitted, Is.EqualTo(50));
        Assert.That(_observer.Banned, Is.Empty);
        Assert.That(Enumerable.Range(0, 50).Count(_ => guard.Admit(Phone)), Is.EqualTo(5), "192.0.2.50 is outside /28");
    }

    [Test]
    public void A_trusted_source_such_as_a_carrier_is_never_rate_limited_nor_banned()
    {
        var guard = Guard(new SourceGuardOptions { MaxRequestsPerSecondPerAddress = 5 });
        guard.IsTrustedSource = address => address.Equals(Guesser);

        Fail(guard, Guesser, 100);
        var admitted = Enumerable.Range(0, 50).Count(_ => guard.Admit(Guesser));

        Assert.That(admitted, Is.EqualTo(50));
        Assert.That(_observer.Banned, Is.Empty);
        Assert.That(guard.IsBanned(Guesser), Is.False);
        Assert.That(Enumerable.Range(0, 50).Count(_ => guard.Admit(Phone)), Is.EqualTo(5), "an untrusted address keeps its limit");
    }

    [Test]
    public void A_source_trusted_only_after_it_was_limited_or_banned_is_let_through()
    {
        var guard = Guard(new SourceGuardOptions { MaxRequestsPerSecondPerAddress = 5 });
        Enumerable.Range(0, 20).ToList().ForEach(_ => guard.Admit(Phone));
        Fail(guard, Guesser, 10);
        Assert.That((guard.Admit(Phone), guard.Admit(Guesser)), Is.EqualTo((false, false)), "limited and banned while unknown");

        // The carrier's host resolved to these addresses only now.
        guard.IsTrustedSource = address => address.Equals(Phone) || address.Equals(Guesser);

        Assert.That(Enumerable.Range(0, 50).Count(_ => guard.Admit(Phone)), Is.EqualTo(50));
        Assert.That(guard.Admit(Guesser), Is.True);
        Assert.That(guard.IsBanned(Guesser), Is.False);
    }

    [Test]
    public void An_ipv4_peer_seen_through_a_dual_mode_socket_is_the_same_address()
    {
        var guard = Guard(new SourceGuardOptions { Allow = [IPNetwork.Parse("198.51.100.0/24")] });
        var mapped = Guesser.MapToIPv6();

        Fail(guard, mapped, 10);
        Fail(guard, IPAddress.Parse("198.51.100.9").MapToIPv6(), 10);

        Assert.Multiple(() =>
        {
            Assert.That(guard.Admit(Guesser), Is.False);
            Assert.That(_observer.Banned.Single().Address, Is.EqualTo(Guesser), "recorded as the IPv4 address an admin would type");
            Assert.That(guard.Admit(IPAddress.Parse("198.51.100.9")), Is.True, "the allow list matches the mapped form too");
        });
    }

    [Test]
    public void Messages_over_the_rate_are_dropped_and_the_bucket_refills()
    {
        var guard = Guard(new SourceGuardOptions { MaxRequestsPerSecondPerAddress = 200 });

        var burst = Enumerable.Range(0, 300).Count(_ => guard.Admit(Guesser));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var halfSecondLater = Enumerable.Range(0, 300).Count(_ => guard.Admit(Guesser));

        Assert.Multiple(() =>
        {
            Assert.That(burst, Is.EqualTo(200), "a one-second burst");
            Assert.That(halfSecondLater, Is.EqualTo(100));
            Assert.That(guard.Admit(Phone), Is.True, "each address has its own bucket");
        });
    }

    [Test]
    public void Zero_turns_rate_limiting_off()
    {
        var guard = Guard(new SourceGuardOptions { MaxRequestsPerSecondPerAddress = 0 });

        Assert.That(Enumerable.Range(0, 10_000).Count(_ => guard.Admit(Guesser)), Is.EqualTo(10_000));
        Assert.That(guard.TrackedAddressCount, Is.Zero);
    }

    [Test]
    public void The_rate_table_is_bounded_and_idle_addresses_are_forgotten()
    {
        var guard = Guard(new SourceGuardOptions { MaxTrackedAddresses = 100 });

        for (var i = 0; i < 1_000; i++) Assert.That(guard.Admit(new IPAddress(0x0A000000u + (uint)i)), Is.True);
        Assert.That(guard.TrackedAddressCount, Is.LessThanOrEqualTo(100));

        _time.Advance(TimeSpan.FromSeconds(1));
        guard.Sweep();

        Assert.That(guard.TrackedAddressCount, Is.Zero);
    }

    [Test]
    public void Admitting_a_known_address_allocates_nothing()
    {
        var guard = Guard(new SourceGuardOptions { MaxRequestsPerSecondPerAddress = 1_000_000 });
        guard.Admit(Phone);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) guard.Admit(Phone);

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Lifting_the_ban_that_is_in_force_admits_the_address_again()
    {
        var guard = Guard();
        Fail(guard, Guesser, 10);
        var ban = guard.ActiveBans.Single();

        Assert.That(guard.Lift(Guesser, ban.BannedAt - TimeSpan.FromSeconds(1)), Is.False, "an older ban's lift does not end this one");
        Assert.That(guard.Lift(Guesser, ban.BannedAt), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(guard.Admit(Guesser), Is.True);
            Assert.That(_observer.Ended, Is.EqualTo(new[] { (Guesser, SourceBanEnd.Lifted) }));
            Assert.That(guard.Lift(Guesser, ban.BannedAt), Is.False, "lifted once");
        });
    }

    [Test]
    public void A_restored_ban_holds_until_its_end_and_an_ended_one_is_ignored()
    {
        var guard = Guard();
        var now = _time.GetUtcNow();
        guard.Restore(new SourceBan(Guesser, now.AddMinutes(-5), now.AddMinutes(5), "failed authentication", 10));
        guard.Restore(new SourceBan(Phone, now.AddMinutes(-15), now.AddMinutes(-5), "failed authentication", 10));

        Assert.Multiple(() =>
        {
            Assert.That(guard.Admit(Guesser), Is.False);
            Assert.That(guard.Admit(Phone), Is.True);
            Assert.That(_observer.Banned, Is.Empty, "a restored ban was recorded already");
        });
    }

    private SourceGuard Guard(SourceGuardOptions? options = null) =>
        new(options ?? new SourceGuardOptions(), _time, _observer, NullLogger<SourceGuard>.Instance);

    private static void Fail(SourceGuard guard, IPAddress address, int times)
    {
        for (var i = 0; i < times; i++) guard.OnAuthFailed(address);
    }

    private sealed class RecordingObserver : ISourceBanObserver
    {
        public List<SourceBan> Banned { get; } = [];

        public List<(IPAddress, SourceBanEnd)> Ended { get; } = [];

        public void OnBanned(SourceBan ban) => Banned.Add(ban);

        public void OnBanEnded(SourceBan ban, SourceBanEnd end, DateTimeOffset endedAt) => Ended.Add((ban.Address, end));
    }
}
