using Softswitch.Sip.Registrar;
using Softswitch.Storage.Registrations;
using SipEvent = Softswitch.Sip.Registrar.RegistrationEvent;
using StoredEvent = Softswitch.Storage.Registrations.RegistrationEvent;

namespace Softswitch.Hosting;

/// <summary>Turns the registrar's events into rows of registration_events, through the non-blocking writer.</summary>
internal sealed class RegistrationEventRecorder(RegistrationEventWriter writer) : IRegistrationObserver
{
    public void OnRegistrationEvent(SipEvent registrationEvent) =>
        writer.TryEnqueue(new StoredEvent(
            registrationEvent.Time,
            registrationEvent.Extension,
            registrationEvent.Contact,
            registrationEvent.Source?.Address.ToString(),
            registrationEvent.Source?.Transport.ToString().ToLowerInvariant(),
            registrationEvent.UserAgent,
            ToOutcome(registrationEvent.Kind),
            registrationEvent.CallId,
            registrationEvent.Detail));

    private static RegistrationOutcome ToOutcome(RegistrationEventKind kind) => kind switch
    {
        RegistrationEventKind.Registered => RegistrationOutcome.Registered,
        RegistrationEventKind.Refreshed => RegistrationOutcome.Refreshed,
        RegistrationEventKind.Unregistered => RegistrationOutcome.Unregistered,
        RegistrationEventKind.Expired => RegistrationOutcome.Expired,
        RegistrationEventKind.Evicted => RegistrationOutcome.Evicted,
        RegistrationEventKind.AuthFailed => RegistrationOutcome.AuthenticationFailed,
        _ => RegistrationOutcome.Rejected,
    };
}
