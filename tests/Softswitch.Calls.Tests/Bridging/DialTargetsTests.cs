using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Bridging;

public sealed class DialTargetsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _time = null!;
    private Directory _directory = null!;
    private Dictionary<string, List<ContactBinding>> _bindings = null!;

    [SetUp]
    public void Reset()
    {
        _time = new FakeTimeProvider(Now);
        _directory = new Directory();
        _bindings = new Dictionary<string, List<ContactBinding>>();
    }

    private DialTargets Targets(ExtensionOverrides? overrides = null) =>
        new(_directory, number => _bindings.TryGetValue(number, out var list) ? list : [], _time, overrides);

    private void Register(string extension, int port, TimeSpan? expiresIn = null)
    {
        if (!_bindings.TryGetValue(extension, out var list)) _bindings[extension] = list = [];
        var contact = $"sip:{extension}@127.0.0.1:{port}";
        list.Add(new ContactBinding(extension, contact, contact, Now + (expiresIn ?? TimeSpan.FromHours(1)), "call-" + port, 1,
            new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, port)), null, null, null, Now, Now));
    }

    private static IEnumerable<string> Chain(DialTarget? target, Func<DialTarget, DialTarget?> next)
    {
        for (var step = target; step is not null; step = next(step)) yield return step.Name;
    }

    [Test]
    public void An_extension_rings_every_live_contact_for_its_ring_time()
    {
        _directory.Add(new CalleeProfile("1002", "Bob") { RingTime = TimeSpan.FromSeconds(20) });
        Register("1002", 5070);
        Register("1002", 5072);
        Register("1002", 5074, expiresIn: TimeSpan.FromSeconds(-1));

        var target = Targets().ForExtension("1002")!;

        Assert.That(target.Contacts.Select(c => c.Binding.Source.Address.Port), Is.EqualTo(new[] { 5070, 5072 }));
        Assert.That(target.RingTime, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(target.RefusedWith, Is.EqualTo(480));
    }

    [Test]
    public void A_number_that_is_no_extension_gives_no_target() => Assert.That(Targets().ForExtension("1009"), Is.Null);

    [Test]
    public void Forward_always_rings_the_other_extension_instead()
    {
        _directory.Add(new CalleeProfile("1002", null) { ForwardAlways = "1003" });
        _directory.Add(new CalleeProfile("1003", null));
        Register("1002", 5070);
        Register("1003", 5072);

        Assert.That(Targets().ForExtension("1002")!.Name, Is.EqualTo("1003"));
    }

    [Test]
    public void Forwards_that_loop_end_after_a_bounded_number_of_steps()
    {
        _directory.Add(new CalleeProfile("1002", null) { ForwardNoAnswer = "1003" });
        _directory.Add(new CalleeProfile("1003", null) { ForwardNoAnswer = "1002" });

        var steps = Chain(Targets().ForExtension("1002"), step => step.OnNoAnswer).ToList();

        Assert.That(steps, Has.Count.InRange(2, 6), string.Join(" -> ", steps));
    }

    [Test]
    public void Do_not_disturb_rings_nothing_and_refuses_busy_or_forwards_busy()
    {
        _directory.Add(new CalleeProfile("1002", null) { DoNotDisturb = true, ForwardBusy = "1003" });
        _directory.Add(new CalleeProfile("1003", null));
        Register("1002", 5070);

        var target = Targets().ForExtension("1002")!;

        Assert.That(target.Contacts, Is.Empty);
        Assert.That(target.RefusedWith, Is.EqualTo(486));
        Assert.That(target.OnBusy?.Name, Is.EqualTo("1003"));
    }

    [Test]
    public void Feature_code_changes_apply_over_the_configuration()
    {
        _directory.Add(new CalleeProfile("1002", null) { DoNotDisturb = true, ForwardAlways = "1003" });
        _directory.Add(new CalleeProfile("1003", null));
        Register("1002", 5070);
        var overrides = new ExtensionOverrides(_time);
        var changes = new List<ExtensionOverride>();
        overrides.Changed = changes.Add;

        overrides.SetDoNotDisturb("1002", false);
        overrides.SetForwardAlways("1002", null);
        var target = Targets(overrides).ForExtension("1002")!;

        Assert.That(target.Name, Is.EqualTo("1002"), "forwarding turned off by *73 although the configuration forwards");
        Assert.That(target.Contacts, Has.Count.EqualTo(1), "DND turned off by *79");
        Assert.That(changes.Select(c => (c.DoNotDisturb, c.ForwardAlways)), Is.EqualTo(new (bool?, string?)[] { (false, null), (false, "") }));
    }

    [Test]
    public void A_ring_all_group_rings_every_member_phone_as_one_step_then_the_fallback()
    {
        foreach (var number in new[] { "1001", "1002", "1003" }) _directory.Add(new CalleeProfile(number, null));
        _directory.AddGroup(new RingGroupProfile("600", "Sales", RingAll: true, ["1001", "1002"]) { Fallback = "1003" });
        Register("1001", 5070);
        Register("1002", 5072);

        var target = Targets().ForRingGroup("600")!;

        Assert.That(target.Contacts.Select(c => c.Extension), Is.EqualTo(new[] { "1001", "1002" }));
        Assert.That(target.OnNoAnswer?.Name, Is.EqualTo("1003"));
        Assert.That(target.OnBusy?.Name, Is.EqualTo("1003"));
    }

    [Test]
    public void An_in_order_group_rings_one_member_after_another_each_for_the_member_time()
    {
        foreach (var number in new[] { "1001", "1002", "1003" }) _directory.Add(new CalleeProfile(number, null) { ForwardNoAnswer = "1003" });
        _directory.AddGroup(new RingGroupProfile("600", "Support", RingAll: false, ["1001", "1002"]) { MemberRingTime = TimeSpan.FromSeconds(7) });

        var target = Targets().ForRingGroup("600")!;

        Assert.That(Chain(target, step => step.OnNoAnswer), Is.EqualTo(new[] { "1001", "1002" }), "members' own forwards do not apply");
        Assert.That(target.RingTime, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    private sealed class Directory : ICalleeDirectory
    {
        private readonly Dictionary<string, CalleeProfile> _extensions = new();
        private readonly Dictionary<string, RingGroupProfile> _groups = new();

        public void Add(CalleeProfile profile) => _extensions[profile.Number] = profile;

        public void AddGroup(RingGroupProfile group) => _groups[group.Number] = group;

        public CalleeProfile? Find(string number) => _extensions.GetValueOrDefault(number);

        public RingGroupProfile? FindGroup(string number) => _groups.GetValueOrDefault(number);

        public IReadOnlySet<string> PickupGroupOf(string number) => _extensions.Keys.ToHashSet();
    }
}
