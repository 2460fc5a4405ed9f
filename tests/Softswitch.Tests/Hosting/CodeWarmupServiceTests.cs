using System.Text.RegularExpressions;
using Softswitch.Hosting;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Hosting;

public class CodeWarmupServiceTests
{
    [Test]
    public async Task Start_compiles_every_layer_before_it_returns_and_leaves_nothing_to_first_use()
    {
        var logger = new ListLogger<CodeWarmupService>();
        var service = new CodeWarmupService(logger);

        await service.StartAsync(CancellationToken.None);

        // Logged when the work is done, so the host's next service (the SIP stack) starts after it.
        var summary = logger.Messages.Select(m => Regex.Match(m, @"Compiled (\d+) methods .* \((\d+) left to first use\)")).Single(m => m.Success);
        // Sip, Media, Calls, Storage and the host: thousands of methods; a layer missed would take hundreds with it.
        Assert.That(int.Parse(summary.Groups[1].Value), Is.GreaterThan(3000));
        Assert.That(int.Parse(summary.Groups[2].Value), Is.Zero);
    }
}
