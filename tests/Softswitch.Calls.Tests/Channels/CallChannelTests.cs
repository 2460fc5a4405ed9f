using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Tests.Support;
using Softswitch.Channels;
using Softswitch.Media.Audio;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;

namespace Softswitch.Calls.Tests.Channels;

/// <summary>
/// An application on a real call: the switch answers a flow route, the application's prompts reach the phone, the
/// phone's keys reach the application (barge-in, type-ahead, timeouts), what it notes lands in the call's row, and its
/// bridge tells it the moment the party answers (<see cref="BridgeRequest.Answered"/>, before the bridge returns).
/// </summary>
public sealed class CallChannelTests
{
    private const string FlowNumber = "500";
    private const string PartySdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";
    private const double MenuHertz = 440;

    private RtpPhone _phone = null!;
    private CallSwitch? _switch;

    [SetUp]
    public void SetUp() => _phone = new RtpPhone();

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        if (_switch is not null) await _switch.DisposeAsync();
    }

    [Test, Description("SIP INFO application/dtmf-relay: a key stops a barge-in prompt and is the first key collected")]
    public async Task A_key_barges_into_the_menu_and_the_collect_gets_it_with_the_keys_after_it()
    {
        var collected = new TaskCompletionSource<(PlayResult, DigitsResult)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            var played = await channel.PlayAsync([Prompt.Named("menu")], bargeIn: true);
            var digits = await channel.CollectDigitsAsync(new DigitCollection { MaxDigits = 6, Terminators = "#" });
            channel.SetRecordField("keys", digits.Digits);
            collected.TrySetResult((played, digits));
        });
        var call = await AnsweredCallAsync(app);
        await _phone.WaitForAsync(IsMenu, "the menu prompt");

        foreach (var key in "123#") Assert.That((await call.InfoAsync(key)).StatusCode, Is.EqualTo(200));

        var (play, entry) = await collected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(play, Is.EqualTo(new PlayResult(PlayOutcome.Interrupted, '1')));
        Assert.That(entry, Is.EqualTo(new DigitsResult("123", DigitsOutcome.Terminated, '#')));
        await call.WaitForByeAndAnswerAsync(); // the application returned: the switch hangs up
        await _switch!.WaitForPortsReleasedAsync();
        var record = _switch.CallRecords.All.Single();
        Assert.That(record.ApplicationFields!["keys"], Is.EqualTo("123"));
        Assert.That((record.Callee, record.RouteTarget, record.HangupSide), Is.EqualTo(("flow", "flow", "switch")));
    }

    [Test]
    public async Task Keys_pressed_during_a_prompt_without_barge_in_wait_in_the_type_ahead_buffer()
    {
        var collected = new TaskCompletionSource<(PlayResult, DigitsResult)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            var played = await channel.PlayAsync([Prompt.Named("short")], bargeIn: false);
            var digits = await channel.CollectDigitsAsync(new DigitCollection { MaxDigits = 2 });
            collected.TrySetResult((played, digits));
        });
        var call = await AnsweredCallAsync(app);
        await _phone.WaitForAsync(IsMenu, "the prompt");

        Assert.That((await call.InfoAsync('4')).StatusCode, Is.EqualTo(200));
        Assert.That((await call.InfoAsync('2')).StatusCode, Is.EqualTo(200));

        var (play, entry) = await collected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(play.Outcome, Is.EqualTo(PlayOutcome.Finished), "the prompt played to its end");
        Assert.That(entry, Is.EqualTo(new DigitsResult("42", DigitsOutcome.Complete)));
    }

    [Test]
    public async Task A_collect_times_out_on_the_switch_clock_with_the_keys_it_had()
    {
        var collected = new TaskCompletionSource<DigitsResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            var entry = channel.CollectDigitsAsync(new DigitCollection
            {
                MaxDigits = 4, FirstDigitTimeout = TimeSpan.FromSeconds(5), InterDigitTimeout = TimeSpan.FromSeconds(3),
            });
            waiting.TrySetResult();
            collected.TrySetResult(await entry);
        });
        var call = await AnsweredCallAsync(app);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((await call.InfoAsync('9')).StatusCode, Is.EqualTo(200));
        await Task.Delay(200); // the key reaches the collect before the clock moves

        _switch!.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.That(collected.Task.IsCompleted, Is.False, "the next key has three seconds");
        _switch.Time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.That(await collected.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(new DigitsResult("9", DigitsOutcome.TimedOut)));
    }

    [Test]
    public async Task The_caller_hanging_up_ends_the_applications_wait_and_its_bridge_attempts()
    {
        var collected = new TaskCompletionSource<(DigitsResult, BridgeResult)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            var entry = channel.CollectDigitsAsync(new DigitCollection { FirstDigitTimeout = TimeSpan.FromMinutes(5) });
            waiting.TrySetResult();
            var digits = await entry;
            collected.TrySetResult((digits, await channel.BridgeAsync(new BridgeRequest { Destination = "1002" })));
        });
        var call = await AnsweredCallAsync(app);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));

        var (digits, bridge) = await collected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(digits.Outcome, Is.EqualTo(DigitsOutcome.HungUp));
        Assert.That(bridge.Outcome, Is.EqualTo(BridgeOutcome.CallerHungUp));
        await _switch!.WaitForPortsReleasedAsync();
        var record = _switch.CallRecords.All.Single();
        Assert.That((record.HangupCause, record.HangupSide), Is.EqualTo(("normal", "caller")));
    }

    [Test]
    public async Task What_the_application_notes_on_its_way_out_after_the_caller_hung_up_is_in_the_row()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            var entry = channel.CollectDigitsAsync(new DigitCollection { FirstDigitTimeout = TimeSpan.FromMinutes(5) });
            waiting.TrySetResult();
            var digits = await entry;
            await Task.Delay(300); // an IVR flow serializing its path and variables: the call's end must not outrun it
            channel.SetRecordField("outcome", digits.Outcome.ToString());
        });
        var call = await AnsweredCallAsync(app);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));

        await _switch!.WaitForPortsReleasedAsync();
        var record = _switch.CallRecords.All.Single();
        Assert.That(record.ApplicationFields?.GetValueOrDefault("outcome"), Is.EqualTo("HungUp"));
    }

    [Test]
    public async Task A_bridge_to_a_number_nobody_serves_gives_the_caller_back_to_the_application()
    {
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest { Destination = "7777" }));
            await channel.PlayAsync([Prompt.Named("menu")], bargeIn: false);
        });
        var call = await AnsweredCallAsync(app);

        Assert.That((await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10))).Outcome, Is.EqualTo(BridgeOutcome.Unavailable));
        await _phone.WaitForAsync(IsMenu, "the application's next prompt after the failed bridge");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_message_is_recorded_until_the_stop_key_as_a_mono_wav_of_what_the_caller_said()
    {
        var recorded = new TaskCompletionSource<RecordResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? fullPath = null;
        var app = new ScriptedApplications(async channel =>
        {
            fullPath = Path.Combine(Path.GetTempPath(), "calls-tests-message-" + Guid.NewGuid().ToString("N"), "message.wav");
            recorded.TrySetResult(await channel.RecordAsync(new RecordRequest { Path = fullPath, Beep = false, SilenceTimeout = TimeSpan.Zero }));
        });
        var call = await AnsweredCallAsync(app);
        for (var i = 0; i < 75; i++) // 1.5 s of a 1 kHz tone, paced like a phone
        {
            _phone.SendAudio(TestAudio.PcmuSineFrame(1000, i), marker: i == 0);
            await Task.Delay(20);
        }

        Assert.That((await call.InfoAsync('#')).StatusCode, Is.EqualTo(200));

        var result = await recorded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(result.Outcome, Is.EqualTo(RecordOutcome.StoppedByKey));
        Assert.That(result.StopKey, Is.EqualTo('#'));
        var wav = WavReader.ReadAll(fullPath!);
        Assert.That((wav.Format.Channels, wav.Format.SampleRate), Is.EqualTo((1, 8000)));
        Assert.That(TestAudio.ShareAt(wav.Samples, 1000), Is.GreaterThan(0.5), "the caller's tone is in the message");
        Assert.That(wav.Samples.Length / 8000.0, Is.InRange(1.0, 3.0));
        Directory.Delete(Path.GetDirectoryName(fullPath!)!, recursive: true);
    }

    [Test]
    public async Task The_answered_callback_runs_when_the_party_answers_and_before_the_bridge_returns()
    {
        var answeredBy = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel => bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest
        {
            Destination = "1002",
            Answered = party => answeredBy.TrySetResult(party),
        })));
        var call = await AnsweredCallAsync(app, PartyPhones.Registered("1002"));

        var invite = await _switch!.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        Assert.That(answeredBy.Task.IsCompleted, Is.False, "nobody answered yet");
        _switch.Receive(OkFor(invite));

        Assert.That(await answeredBy.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("1002"));
        Assert.That(bridged.Task.IsCompleted, Is.False, "the conversation goes on");

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        var result = await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((result.Outcome, result.Party), Is.EqualTo((BridgeOutcome.CallerHungUp, "1002")));
        await _switch.WaitForPortsReleasedAsync();
        Assert.That(_switch.Recordings.All, Is.Empty, "neither the route nor the bridge asked for a recording");
    }

    [Test]
    public async Task A_bridge_asking_for_a_recording_records_the_conversation_from_the_answer()
    {
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel => bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest
        {
            Destination = "1002",
            Record = true,
        })));
        var call = await AnsweredCallAsync(app, PartyPhones.Registered("1002"));
        var invite = await _switch!.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        _switch.Receive(OkFor(invite));
        await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Ack && r.CallId == invite.CallId, "ACK to 1002");

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await _switch.WaitForPortsReleasedAsync();

        var recording = _switch.Recordings.All.Single();
        Assert.That(recording.Channels, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(_switch.RecordingsFolder, recording.RelativePath)), Is.True);
        await Eventually.TrueAsync(() => _switch.CallRecords.All.Count == 1, () => "the call's row");
        Assert.That(_switch.CallRecords.All.Single().RecordingPath, Is.EqualTo(recording.RelativePath));
    }

    [Test]
    public async Task A_party_that_refuses_never_calls_the_answered_callback()
    {
        var answered = false;
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel => bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest
        {
            Destination = "1002",
            Answered = _ => answered = true,
        })));
        var call = await AnsweredCallAsync(app, PartyPhones.Registered("1002"));

        var invite = await _switch!.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        _switch.Receive(PartyPhones.ResponseFor(invite, "486 Busy Here", ""));

        Assert.That((await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10))).Outcome, Is.EqualTo(BridgeOutcome.Busy));
        Assert.That(answered, Is.False);
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_bridge_keeping_the_applications_audio_plays_it_while_the_party_rings_and_cuts_it_at_the_answer()
    {
        var ringing = new TaskCompletionSource<Task<BridgeResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var announcement = new TaskCompletionSource<PlayResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var duringConversation = new TaskCompletionSource<PlayResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            var bridge = channel.BridgeAsync(new BridgeRequest { Destination = "1002", KeepApplicationAudio = true });
            ringing.TrySetResult(bridge);
            announcement.TrySetResult(await channel.PlayAsync([Prompt.Named("menu")], bargeIn: false)); // 10 s, cut at the answer
            duringConversation.TrySetResult(await channel.PlayAsync([Prompt.Named("menu")], bargeIn: false));
            await bridge;
        });
        var call = await AnsweredCallAsync(app, PartyPhones.Registered("1002"));
        var invite = await _switch!.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        var bridging = await ringing.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var heardFrom = _phone.Count;
        await _phone.WaitForAsync(IsMenu, "the application's prompt while 1002 rings", heardFrom);
        Assert.That(announcement.Task.IsCompleted, Is.False, "the prompt plays on while the party rings");
        _switch.Receive(OkFor(invite));

        Assert.That((await announcement.Task.WaitAsync(TimeSpan.FromSeconds(5))).Outcome, Is.EqualTo(PlayOutcome.Finished), "cut at the answer");
        Assert.That((await duringConversation.Task.WaitAsync(TimeSpan.FromSeconds(5))).Outcome, Is.EqualTo(PlayOutcome.Finished), "nothing to play over the party");
        await _phone.WaitForQuietAsync(TimeSpan.FromMilliseconds(500)); // the silent party sends nothing: neither does the prompt
        Assert.That(bridging.IsCompleted, Is.False, "the conversation goes on");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        Assert.That((await bridging.WaitAsync(TimeSpan.FromSeconds(10))).Outcome, Is.EqualTo(BridgeOutcome.CallerHungUp));
    }

    private async Task<SipCall> AnsweredCallAsync(ScriptedApplications app, DialTargets? targets = null)
    {
        var route = new DialPlanRoute(FlowNumber, RouteTarget.Flow, "main");
        _switch = targets is null ? new CallSwitch(NullLoggerFactory.Instance, new CallLimits(), [app], route) : new CallSwitch([app], targets, route);
        _switch.WriteTone("en/menu", MenuHertz, TimeSpan.FromSeconds(10));
        _switch.WriteTone("en/short", MenuHertz, TimeSpan.FromSeconds(1));
        var call = new SipCall(_switch, "1001", FlowNumber);
        var ok = await call.CallAsync(PhoneSdp.Create(_phone, 1, telephoneEvent: 96));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        return call;
    }

    private static bool IsMenu(ReceivedRtp packet) => packet.PayloadType == 0 && TestAudio.ShareAt(Decode(packet.Payload), MenuHertz) > 0.5;

    private static short[] Decode(byte[] payload)
    {
        var pcm = new short[payload.Length];
        Softswitch.Media.Codecs.MuLaw.Decode(payload, pcm);
        return pcm;
    }

    private static string OkFor(SipRequest invite) => PartyPhones.ResponseFor(invite, "200 OK", PartySdp);
}
