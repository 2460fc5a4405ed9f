using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8 finding 1: a digest answer without qop (RFC 2069) carries no nonce-count, so a captured REGISTER could be
/// replayed, with the attacker's Contact, for the nonce's whole lifetime. By default such answers are refused; when an
/// admin allows them for an old phone, each nonce serves one request only.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class DigestReplayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [Test, Description("RFC 3261 §22.4, RFC 7616 §3.4")]
    public async Task By_default_a_register_without_qop_is_refused_and_so_is_its_replay()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        using var oldPhone = new RawSipPhone("127.0.0.2", softswitch.Port);

        var (status, captured) = await oldPhone.RegisterAsync("1001", SoftswitchProcess.Password1001, qop: false, Wait);
        Assert.That(status, Is.EqualTo(403), "the right password without qop is still refused");
        var replays = await ReplayAsync(oldPhone, captured!, times: 5);

        Assert.That(replays, Has.None.EqualTo(200));
        Assert.That(replays, Has.All.AnyOf(401, 403), "refused or challenged, never served");
        await GoodPhone.AssertServedAsync(softswitch, "after the replay");
    }

    [Test, Description("RFC 2617 §3.2.2 compatibility, allowed by auth.allow_missing_qop: one request per nonce")]
    public async Task When_allowed_a_register_without_qop_succeeds_once_and_its_replay_is_challenged()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--auth:allow_missing_qop=true");
        using var oldPhone = new RawSipPhone("127.0.0.2", softswitch.Port);
        using var attacker = new RawSipPhone("127.0.0.3", softswitch.Port);

        var (status, captured) = await oldPhone.RegisterAsync("1001", SoftswitchProcess.Password1001, qop: false, Wait);
        Assert.That(status, Is.EqualTo(200), "an old phone without qop is served when allowed");
        await GoodPhone.AssertServedAsync(softswitch, "before the replay");

        // The attacker replays the captured Authorization with its own Call-ID and Contact (neither is covered by the digest).
        var replays = await ReplayAsync(attacker, captured!, times: 20, contactHost: "127.0.0.3");

        Assert.That(replays, Has.None.EqualTo(200), "the spent nonce must not register the attacker's contact");
        Assert.That(replays, Has.All.EqualTo(401), "a fresh challenge (stale), as the phone that knows the password needs");
        await GoodPhone.AssertServedAsync(softswitch, "after the replay");
    }

    /// <summary>Sends the captured request's Authorization again in new REGISTERs (new branch and Call-ID); returns each status, 0 for none.</summary>
    private static async Task<List<int>> ReplayAsync(RawSipPhone from, string captured, int times, string? contactHost = null)
    {
        var authorization = captured.Split("\r\n").Single(line => line.StartsWith("Authorization: ", StringComparison.Ordinal))["Authorization: ".Length..];
        var statuses = new List<int>();
        for (var i = 0; i < times; i++)
        {
            await from.SendAsync(from.Register("1001", Guid.NewGuid().ToString("N"), 2, authorization, contactHost));
            var answer = await from.ReceiveAsync(Wait);
            statuses.Add(answer is null ? 0 : RawSipPhone.StatusOf(answer));
        }

        return statuses;
    }
}
