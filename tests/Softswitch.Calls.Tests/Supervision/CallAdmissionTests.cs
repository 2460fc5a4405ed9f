using Softswitch.Calls.Supervision;

namespace Softswitch.Calls.Tests.Supervision;

public sealed class CallAdmissionTests
{
    [Test]
    public void An_extension_over_its_limit_is_refused_while_another_is_admitted()
    {
        var admission = new CallAdmission(new CallLimits { MaxCalls = 10, MaxCallsPerExtension = 2 });

        Assert.That(admission.TryAdmit("1001", out _), Is.EqualTo(CallLimitReached.None));
        Assert.That(admission.TryAdmit("1001", out _), Is.EqualTo(CallLimitReached.None));
        Assert.That(admission.TryAdmit("1001", out var refused), Is.EqualTo(CallLimitReached.MaxCallsPerExtension));
        Assert.That(refused, Is.Null);
        Assert.That(admission.TryAdmit("1002", out _), Is.EqualTo(CallLimitReached.None));
        Assert.That(admission.CountFor("1001"), Is.EqualTo(2));
    }

    [Test]
    public void The_global_limit_refuses_every_caller()
    {
        var admission = new CallAdmission(new CallLimits { MaxCalls = 2, MaxCallsPerExtension = 4 });
        admission.TryAdmit("1001", out _);
        admission.TryAdmit("1002", out _);

        Assert.That(admission.TryAdmit("1003", out _), Is.EqualTo(CallLimitReached.MaxCalls));
        Assert.That(admission.TryAdmit(null, out _), Is.EqualTo(CallLimitReached.MaxCalls));
    }

    [Test]
    public void A_released_ticket_gives_its_place_back_once()
    {
        var admission = new CallAdmission(new CallLimits { MaxCalls = 10, MaxCallsPerExtension = 1 });
        admission.TryAdmit("1001", out var ticket);

        ticket!.Dispose();
        ticket.Dispose();

        Assert.That(admission.Count, Is.Zero);
        Assert.That(admission.CountFor("1001"), Is.Zero);
        Assert.That(admission.TryAdmit("1001", out _), Is.EqualTo(CallLimitReached.None));
        Assert.That(admission.TryAdmit("1001", out _), Is.EqualTo(CallLimitReached.MaxCallsPerExtension), "a double release must not make room twice");
    }

    [Test]
    public void Zero_means_no_limit()
    {
        var admission = new CallAdmission(new CallLimits { MaxCalls = 0, MaxCallsPerExtension = 0 });

        for (var i = 0; i < 100; i++) Assert.That(admission.TryAdmit("1001", out _), Is.EqualTo(CallLimitReached.None));
    }
}
