using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests;

public sealed class SayKindTests
{
    [Test]
    public void Every_kind_a_flow_can_name_is_defined()
    {
        Assert.That(Enum.GetNames<SayKind>(), Is.EquivalentTo(new[] { "Number", "Digits", "Money", "Date", "Time" }));
    }
}
