using Softswitch.Sip.Registrar;

namespace Softswitch.Hosting;

/// <summary>The registrar has one observer: this one hands each event to every module that watches registrations, in order.</summary>
internal sealed class RegistrationObservers(IReadOnlyList<IRegistrationObserver> observers) : IRegistrationObserver
{
    public void OnRegistrationEvent(RegistrationEvent registrationEvent)
    {
        foreach (var observer in observers) observer.OnRegistrationEvent(registrationEvent);
    }
}
