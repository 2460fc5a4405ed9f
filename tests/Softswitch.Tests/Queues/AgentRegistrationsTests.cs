using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Queues;
using Softswitch.Sip.Registrar;

namespace Softswitch.Tests.Queues;

public sealed class AgentRegistrationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task An_agent_whose_last_phone_unregisters_is_not_offerable_until_a_phone_registers_again()
    {
        var time = new FakeTimeProvider(Now);
        await using var acd = new AcdService(new AcdConfiguration([new QueueDefinition("support")],
            [new AgentDefinition("1002") { Queues = [new AgentQueueMembership("support")] }]), time, NullLogger<AcdService>.Instance);
        acd.Start(["1002"]);
        IReadOnlyList<ContactBinding> phones = [];
        var registrations = new AgentRegistrations(acd, _ => phones, ["1002"]);

        registrations.OnRegistrationEvent(Event("1002", RegistrationEventKind.Expired));
        Assert.That((await acd.GetAgentAsync("1002"))?.Offerable, Is.False);

        registrations.OnRegistrationEvent(Event("1002", RegistrationEventKind.Registered));
        Assert.That((await acd.GetAgentAsync("1002"))?.Offerable, Is.True);

        registrations.OnRegistrationEvent(Event("1003", RegistrationEventKind.Unregistered)); // not an agent: nothing to tell
        Assert.That((await acd.GetAgentAsync("1002"))?.Offerable, Is.True);
    }

    private static RegistrationEvent Event(string extension, RegistrationEventKind kind) =>
        new(extension, "sip:" + extension + "@127.0.0.1:5070", null, null, Now, kind);
}
