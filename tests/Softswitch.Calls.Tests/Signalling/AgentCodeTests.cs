using Softswitch.Calls.Features;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Signalling;

/// <summary>The ACD agents' feature codes: the dialling extension is the agent, the digits after *52 its pause reason.</summary>
public sealed class AgentCodeTests
{
    [TestCase("*50", "login 1001")]
    [TestCase("*51", "logout 1001")]
    [TestCase("*52", "pause 1001 pause")]
    [TestCase("*5212", "pause 1001 12")]
    [TestCase("*53", "unpause 1001")]
    public async Task An_agent_code_changes_the_callers_agent_state_and_is_answered(string code, string expected)
    {
        var agents = new RecordingAgents("1001");
        await using var sw = new CallSwitch(agents);
        await using var phone = new RtpPhone();

        var answer = await new SipCall(sw, "1001", code).CallAsync(PhoneSdp.Create(phone, 1));

        Assert.That(answer.StatusCode, Is.EqualTo(200));
        Assert.That(agents.Calls, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public async Task An_extension_that_is_no_agent_gets_404()
    {
        var agents = new RecordingAgents("1002");
        await using var sw = new CallSwitch(agents);
        await using var phone = new RtpPhone();

        var answer = await new SipCall(sw, "1001", "*50").CallAsync(PhoneSdp.Create(phone, 1));

        Assert.That(answer.StatusCode, Is.EqualTo(404));
    }

    private sealed class RecordingAgents(string agent) : IAgentStates
    {
        public List<string> Calls { get; } = [];

        public bool LogIn(string extension) => Note(extension, $"login {extension}");

        public bool LogOut(string extension) => Note(extension, $"logout {extension}");

        public bool Pause(string extension, string reason) => Note(extension, $"pause {extension} {reason}");

        public bool Unpause(string extension) => Note(extension, $"unpause {extension}");

        private bool Note(string extension, string call)
        {
            if (extension != agent) return false;
            Calls.Add(call);
            return true;
        }
    }
}
