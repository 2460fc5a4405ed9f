using Microsoft.Extensions.Configuration;
using Softswitch.Configuration;
using Softswitch.Configuration.Yaml;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class YamlConfigurationProviderTests
{
    [Test]
    public void Mappings_and_sequences_become_colon_separated_keys()
    {
        using var folder = new TempFolder();
        using var root = (ConfigurationRoot)ConfigFixture.Build(folder, ConfigFixture.Valid);

        Assert.That(root["sip:port"], Is.EqualTo("5060"));
        Assert.That(root["sip:transports:1"], Is.EqualTo("tcp"));
        Assert.That(root["extensions:0:number"], Is.EqualTo("1001"));
        Assert.That(root["extensions:1:password"], Is.EqualTo("s3cret-two"));
        Assert.That(root["routes:0:echo"], Is.EqualTo("true"));
        Assert.That(root["SIP:Port"], Is.EqualTo("5060"), "keys ignore case");
    }

    [Test]
    public void Key_and_value_positions_are_recorded()
    {
        using var folder = new TempFolder();
        using var root = (ConfigurationRoot)ConfigFixture.Build(folder, ConfigFixture.Valid);
        var provider = root.Providers.OfType<YamlConfigurationProvider>().Single();

        Assert.That(provider.TryGetPosition("sip:port", out var port), Is.True);
        Assert.That(port, Is.EqualTo(new YamlKeyPosition(new SourcePosition(3, 3), new SourcePosition(3, 9))));
        Assert.That(provider.TryGetPosition("extensions:1", out var item), Is.True);
        Assert.That(item.Key, Is.EqualTo(new SourcePosition(22, 5)));
        Assert.That(provider.TryGetPosition("extensions:1:password", out var password), Is.True);
        Assert.That(password.Value, Is.EqualTo(new SourcePosition(23, 15)));
        Assert.That(provider.TryGetPosition("sip:transports:1", out var tcp), Is.True);
        Assert.That(tcp.Value, Is.EqualTo(new SourcePosition(4, 21)));
    }

    [TestCase("a:\n  b: ~\n", "a:b", null)]
    [TestCase("a:\n  b: null\n", "a:b", null)]
    [TestCase("a:\n  b:\n", "a:b", null)]
    [TestCase("a:\n  b: \"\"\n", "a:b", "")]
    [TestCase("a:\n  b: \"null\"\n", "a:b", "null")]
    [TestCase("a:\n  b: 'x: y'\n", "a:b", "x: y")]
    [TestCase("a:\n  b: |\n    two\n    lines\n", "a:b", "two\nlines\n")]
    [TestCase("base: &b\n  port: 7\nother: *b\n", "other:port", "7")]
    public void Scalars_map_to_values(string yaml, string key, string? expected)
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader(yaml), "t.yaml");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Data[key], Is.EqualTo(expected));
    }

    [Test]
    public void Empty_collections_are_kept_as_null_keys()
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader("routes: []\nsip: {}\n"), "t.yaml");

        Assert.That(result.Data, Does.ContainKey("routes").WithValue(null));
        Assert.That(result.Data, Does.ContainKey("sip").WithValue(null));
    }

    [Test]
    public void Syntax_error_reports_file_line_and_column()
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader("sip:\n  port: 5060\n  domain: [unclosed\nrtp:\n  port_min: 1\n"), "configs/x.yaml");

        Assert.That(result.Error, Is.Not.Null);
        Assert.That(result.Error!.File, Is.EqualTo("configs/x.yaml"));
        Assert.That(result.Error.Line, Is.GreaterThanOrEqualTo(3));
        Assert.That(result.Error.ToString(), Does.Match(@"^configs/x\.yaml:\d+:\d+: \S"));
        Assert.That(result.Error.Message, Does.Not.Contain("Idx:"), "YamlDotNet's own mark prefix is removed");
    }

    [Test]
    public void Bad_indentation_is_reported_at_its_line()
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader("sip:\n  port: 5060\n domain: x\n"), "x.yaml");

        Assert.That(result.Error, Is.Not.Null);
        Assert.That(result.Error!.Line, Is.EqualTo(3));
    }

    [Test]
    public void Duplicate_keys_are_an_error_even_when_case_differs()
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader("sip:\n  port: 1\n  Port: 2\n"), "x.yaml");

        Assert.That(result.Error?.ToString(), Is.EqualTo("x.yaml:3:3: sip.Port: duplicate key (first defined at line 2)"));
    }

    [TestCase("", "x.yaml:1:1: the file is empty")]
    [TestCase("# only a comment\n", "x.yaml:1:1: the file is empty")]
    [TestCase("- a\n- b\n", "x.yaml:1:1: the top level must be a mapping of sections (sip:, extensions:, …)")]
    public void Unusable_documents_are_errors(string yaml, string expected)
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader(yaml), "x.yaml");

        Assert.That(result.Error?.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Second_document_is_an_error()
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader("a: 1\n---\nb: 2\n"), "x.yaml");

        Assert.That(result.Error?.Line, Is.EqualTo(3));
    }

    [Test]
    public void Broken_reload_keeps_the_previous_keys_and_reports_the_error()
    {
        using var folder = new TempFolder();
        using var root = (ConfigurationRoot)ConfigFixture.Build(folder, ConfigFixture.Valid);
        var provider = root.Providers.OfType<YamlConfigurationProvider>().Single();

        folder.Write("softswitch.yaml", "sip:\n  port: [5070\n");
        root.Reload();

        Assert.That(provider.LoadError, Is.Not.Null);
        Assert.That(provider.LoadError!.File, Is.EqualTo("softswitch.yaml"));
        Assert.That(root["sip:port"], Is.EqualTo("5060"));
        Assert.That(provider.TryGetPosition("extensions:0:number", out _), Is.True);
    }

    [Test]
    public async Task Reload_on_change_picks_up_an_edited_file()
    {
        using var folder = new TempFolder();
        using var root = (ConfigurationRoot)ConfigFixture.Build(folder, ConfigFixture.Valid, reloadOnChange: true);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = root.GetReloadToken().RegisterChangeCallback(_ => changed.TrySetResult(), null);

        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(3, "  port: 5070"));

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(root["sip:port"], Is.EqualTo("5070"));
    }
}
