using Microsoft.Extensions.Hosting;
using Softswitch.Calls.Trunks;

namespace Softswitch.Hosting;

/// <summary>
/// Starts the trunks' registrations and keepalives once the SIP stack listens (it is registered after
/// <see cref="SipHostedService"/>), and stops them first at shutdown, while the stack can still send the unregisters.
/// Trunks are read at start: a changed <c>trunks</c> section needs a restart.
/// </summary>
internal sealed class TrunkHostedService(TrunkService trunks) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => trunks.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => trunks.StopAsync();
}
