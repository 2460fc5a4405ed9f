using System.Text;
using System.Xml.Linq;
using Softswitch.Calls.Presence;

namespace Softswitch.Calls.Tests.Presence;

public sealed class DialogInfoDocumentTests
{
    private static readonly XNamespace s_ns = "urn:ietf:params:xml:ns:dialog-info";

    [Test, Description("RFC 4235 §4.1")]
    public void The_document_is_well_formed_dialog_info_with_version_full_state_and_entity()
    {
        var xml = Parse(DialogInfoDocument.Write("sip:1001@softswitch.local", 7, []));

        Assert.That(xml.Root!.Name, Is.EqualTo(s_ns + "dialog-info"));
        Assert.That((string?)xml.Root.Attribute("version"), Is.EqualTo("7"));
        Assert.That((string?)xml.Root.Attribute("state"), Is.EqualTo("full"));
        Assert.That((string?)xml.Root.Attribute("entity"), Is.EqualTo("sip:1001@softswitch.local"));
        Assert.That(xml.Root.Elements(), Is.Empty);
    }

    [Test, Description("RFC 4235 §4.1.2, §4.1.6")]
    public void Each_dialog_carries_its_ids_direction_state_and_the_other_party()
    {
        var xml = Parse(DialogInfoDocument.Write("sip:1001@softswitch.local", 1,
        [
            new DialogActivity("abc@host", DialogDirection.Recipient, DialogState.Early, "sip:1002@softswitch.local", "Two", "their-tag", "our-tag"),
            new DialogActivity("def@host", DialogDirection.Initiator, DialogState.Trying, "sip:*43@softswitch.local"),
        ]));

        var dialogs = xml.Root!.Elements(s_ns + "dialog").ToList();
        Assert.That(dialogs, Has.Count.EqualTo(2));
        var ringing = dialogs[0];
        Assert.Multiple(() =>
        {
            Assert.That((string?)ringing.Attribute("call-id"), Is.EqualTo("abc@host"));
            Assert.That((string?)ringing.Attribute("id"), Is.EqualTo("abc@host"));
            Assert.That((string?)ringing.Attribute("local-tag"), Is.EqualTo("their-tag"));
            Assert.That((string?)ringing.Attribute("remote-tag"), Is.EqualTo("our-tag"));
            Assert.That((string?)ringing.Attribute("direction"), Is.EqualTo("recipient"));
            Assert.That(ringing.Element(s_ns + "state")!.Value, Is.EqualTo("early"));
            var remote = ringing.Element(s_ns + "remote")!.Element(s_ns + "identity")!;
            Assert.That(remote.Value, Is.EqualTo("sip:1002@softswitch.local"));
            Assert.That((string?)remote.Attribute("display"), Is.EqualTo("Two"));
            Assert.That(ringing.Element(s_ns + "local")!.Element(s_ns + "identity")!.Value, Is.EqualTo("sip:1001@softswitch.local"));
            Assert.That(dialogs[1].Attribute("local-tag"), Is.Null, "no tag known yet, no attribute");
            Assert.That((string?)dialogs[1].Attribute("direction"), Is.EqualTo("initiator"));
            Assert.That(dialogs[1].Element(s_ns + "state")!.Value, Is.EqualTo("trying"));
        });
    }

    [TestCase(DialogState.Trying, "trying")]
    [TestCase(DialogState.Proceeding, "proceeding")]
    [TestCase(DialogState.Early, "early")]
    [TestCase(DialogState.Confirmed, "confirmed")]
    [TestCase(DialogState.Terminated, "terminated")]
    public void States_use_the_names_of_rfc_4235(DialogState state, string name) =>
        Assert.That(DialogInfoDocument.StateName(state), Is.EqualTo(name));

    [Test]
    public void Names_and_ids_with_markup_characters_are_escaped()
    {
        var xml = Parse(DialogInfoDocument.Write("sip:1001@softswitch.local", 0,
            [new DialogActivity("a<b>&\"c", DialogDirection.Initiator, DialogState.Confirmed, "sip:x@y", "Tom & \"Jerry\" <3")]));

        var dialog = xml.Root!.Element(s_ns + "dialog")!;
        Assert.That((string?)dialog.Attribute("call-id"), Is.EqualTo("a<b>&\"c"));
        Assert.That((string?)dialog.Element(s_ns + "remote")!.Element(s_ns + "identity")!.Attribute("display"), Is.EqualTo("Tom & \"Jerry\" <3"));
    }

    private static XDocument Parse(byte[] body) => XDocument.Parse(Encoding.UTF8.GetString(body));
}
