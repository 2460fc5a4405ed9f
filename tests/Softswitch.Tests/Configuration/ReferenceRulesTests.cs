using System.Collections;
using Microsoft.Extensions.Configuration;
using Softswitch.Cli;
using Softswitch.Configuration;
using Softswitch.Configuration.Validation;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

/// <summary>Finding 14: a route naming music, a greeting or a flow that does not exist is an error at its position.</summary>
public sealed class ReferenceRulesTests
{
    // Line 26 of ConfigFixture.Valid is the destination of route "600".
    private const int RouteLine = 26;

    [Test]
    public void Names_that_point_at_files_pass()
    {
        using var folder = WithSounds();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(RouteLine,
            "    echo: true\n    greeting: echo-test\n  - match: \"601\"\n    music: default\n  - match: \"602\"\n    flow: main\n  - match: \"603\"\n    echo: true\n    greeting: music/default"));

        Assert.That(result.Problems, Is.Empty);
    }

    [Test]
    public void A_misspelt_music_class_is_an_error_at_its_value()
    {
        using var folder = WithSounds();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(RouteLine, "    music: defualt"));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            $"softswitch.yaml:26:12: routes[0].music: music class 'defualt' has no file {Path.Combine(folder.Path, "sounds", "music", "defualt.wav")}",
        }));
    }

    [Test]
    public void A_misspelt_greeting_is_an_error_at_its_value()
    {
        using var folder = WithSounds();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(RouteLine, "    echo: true\n    greeting: echo-tst"));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            $"softswitch.yaml:27:15: routes[0].greeting: prompt 'echo-tst' has no file for language en: {Path.Combine(folder.Path, "sounds", "en", "echo-tst.wav")}",
        }));
    }

    [Test]
    public void A_greeting_missing_in_the_default_language_is_an_error_even_when_another_language_has_it()
    {
        using var folder = WithSounds();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(RouteLine, "    echo: true\n    greeting: echo-test") + "\nivr:\n  default_language: ms\n");

        Assert.That(result.Problems.Select(p => $"{p.Line}:{p.Column}: {p.Message}"), Is.EqualTo(new[]
        {
            $"27:15: prompt 'echo-test' has no file for language ms: {Path.Combine(folder.Path, "sounds", "ms", "echo-test.wav")}",
        }));
    }

    [Test]
    public void A_flow_with_no_file_is_an_error_at_its_value()
    {
        using var folder = WithSounds();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(RouteLine, "    flow: main-menu"));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            $"softswitch.yaml:26:11: routes[0].flow: flow 'main-menu' has no file {Path.Combine(folder.Path, "ivr-flows", "main-menu.yaml")}",
        }));
    }

    [Test]
    public void Relative_folders_resolve_against_the_directory_the_switch_runs_in()
    {
        using var folder = WithSounds();
        using var elsewhere = new TempFolder();
        var yaml = ConfigFixture.ValidWithLine(RouteLine, "    music: default");
        using var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);

        Assert.That(ConfigValidator.Validate(root, folder.Path).Problems, Is.Empty);
        Assert.That(ConfigValidator.Validate(root, elsewhere.Path).Problems.Single().Message, Does.Contain(elsewhere.Path));
    }

    [Test]
    public async Task Start_up_refuses_a_dangling_name_and_names_its_position()
    {
        using var folder = WithSounds();
        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(RouteLine, "    music: defualt"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SoftswitchCli.RunAsync(["run", "--config", "softswitch.yaml"], output, error, new Hashtable(), folder.Path);

        Assert.That(code, Is.EqualTo(SoftswitchCli.ConfigurationError));
        Assert.That(error.ToString(), Does.StartWith("softswitch.yaml:26:12: routes[0].music: music class 'defualt' has no file"));
    }

    [Test]
    public void A_reload_with_a_dangling_name_is_rejected_and_the_old_configuration_stays()
    {
        using var folder = WithSounds();
        var valid = ConfigFixture.ValidWithLine(RouteLine, "    music: default");
        using var root = (ConfigurationRoot)ConfigFixture.Build(folder, valid);
        var log = new ListLogger<SoftswitchSettings>();
        using var settings = new SoftswitchSettings(root, ConfigValidator.Validate(root, folder.Path).Options!, log, folder.Path);

        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(RouteLine, "    music: defualt"));
        root.Reload();

        Assert.That(settings.RejectedReloads, Is.EqualTo(1));
        Assert.That(settings.CurrentValue.Routes[0].Music, Is.EqualTo("default"));
        Assert.That(log.Errors, Has.Some.StartWith("Configuration problem: softswitch.yaml:26:12: routes[0].music: music class 'defualt' has no file"));
    }

    /// <summary>A temp folder with sounds/en/echo-test.wav, sounds/music/default.wav and ivr-flows/main.yaml.</summary>
    private static TempFolder WithSounds()
    {
        var folder = new TempFolder();
        folder.Write("sounds/en/echo-test.wav", "RIFF");
        folder.Write("sounds/ms/goodbye.wav", "RIFF");
        folder.Write("sounds/music/default.wav", "RIFF");
        folder.Write("ivr-flows/main.yaml", "# a flow\n");
        return folder;
    }
}
