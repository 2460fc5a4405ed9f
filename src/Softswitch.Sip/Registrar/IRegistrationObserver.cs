namespace Softswitch.Sip.Registrar;

/// <summary>
/// Receives registration events; implemented by the host (to write them to the database).
/// Called synchronously, outside the registrar's lock, once per change: keep it quick and non-blocking
/// (e.g. post to a channel that a writer drains), and do not throw.
/// </summary>
public interface IRegistrationObserver
{
    void OnRegistrationEvent(RegistrationEvent registrationEvent);
}
