namespace Softswitch.Interop.Tests;

/// <summary>
/// Every switch (and CLI run) the interop tests start inherits <c>DOTNET_TieredCompilation=1</c>: the shipped switch
/// compiles all its code optimised before it listens (about 5 s of CPU on this machine), which the tests, starting it
/// some 200 times for a few calls each, do not need. What the switch does is the same; the benchmarks run the shipped
/// settings.
/// </summary>
[SetUpFixture]
public sealed class QuickStarts
{
    [OneTimeSetUp]
    public void TurnTieredCompilationOn() => Environment.SetEnvironmentVariable("DOTNET_TieredCompilation", "1");
}
