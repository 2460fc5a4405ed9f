using Softswitch.Configuration.Options;
using Softswitch.Extensions;

namespace Softswitch.Tests.Extensions;

public sealed class ExtensionDirectoryTests
{
    [Test]
    public void Lookup_is_exact_and_keeps_configuration_order()
    {
        var options = new SoftswitchOptions
        {
            Extensions =
            [
                new ExtensionOptions { Number = "1002", Name = "Bob", Password = "b" },
                new ExtensionOptions { Number = "1001", Password = "a" },
            ],
        };
        using var directory = new ExtensionDirectory(new FixedOptionsMonitor(options));

        Assert.That(directory.TryGet("1001", out var alice), Is.True);
        Assert.That(alice, Is.EqualTo(new Extension("1001", null, "a")));
        Assert.That(directory.TryGet("01001", out _), Is.False);
        Assert.That(directory.All.Select(e => e.Number), Is.EqualTo(new[] { "1002", "1001" }));
    }

    [Test]
    public void Password_is_not_shown_by_ToString()
    {
        Assert.That(new Extension("1001", "Alice", "hunter2").ToString(), Does.Not.Contain("hunter2").And.Contain("1001"));
    }

    private sealed class FixedOptionsMonitor(SoftswitchOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<SoftswitchOptions>
    {
        public SoftswitchOptions CurrentValue => value;

        public SoftswitchOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SoftswitchOptions, string?> listener) => null;
    }
}
