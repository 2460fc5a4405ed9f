using Microsoft.Extensions.Configuration;
using Softswitch.Configuration;
using Softswitch.Configuration.Validation;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Tests.Support;

/// <summary>Valid configuration text with known line numbers, and helpers to build and validate variants.</summary>
internal static class ConfigFixture
{
    // Line numbers matter: tests assert positions in this text.
    public const string Valid =
        """
        sip:
          listen: 0.0.0.0
          port: 5060
          transports: [udp, tcp]
          domain: softswitch.local
          t1_ms: 500
          t2_ms: 4000
        registrar:
          min_expires: 60
          max_expires: 7200
          default_expires: 3600
        rtp:
          port_min: 10000
          port_max: 20000
        http:
          listen: 127.0.0.1
          port: 8080
        extensions:
          - number: "1001"
            name: Alice
            password: s3cret-one
          - number: "1002"
            password: s3cret-two
        routes:
          - match: "600"
            echo: true
        """;

    /// <summary>
    /// <paramref name="yaml"/> (built on <see cref="Valid"/>) listening on 127.0.0.1 on a free UDP+TCP port, for tests that
    /// start the switch: never the fixed 5060, which a switch running on the same machine may hold. Line numbers stay.
    /// </summary>
    public static string OnFreePort(string yaml, out int port)
    {
        const string fixedPort = "  listen: 0.0.0.0\n  port: 5060\n";
        if (!yaml.Contains(fixedPort, StringComparison.Ordinal))
        {
            throw new ArgumentException("the YAML does not listen on 0.0.0.0:5060 as ConfigFixture.Valid does", nameof(yaml));
        }

        port = FreePort.ForUdpAndTcp();
        return yaml.Replace(fixedPort, $"  listen: 127.0.0.1\n  port: {port}\n", StringComparison.Ordinal);
    }

    /// <summary>Writes <paramref name="yaml"/> as softswitch.yaml and validates it with the given overrides.</summary>
    public static ConfigValidationResult Validate(
        TempFolder folder,
        string yaml,
        IReadOnlyList<ConfigOverride>? environment = null,
        IReadOnlyList<ConfigOverride>? commandLine = null)
    {
        using var root = (ConfigurationRoot)Build(folder, yaml, environment, commandLine);
        return ConfigValidator.Validate(root, folder.Path);
    }

    public static IConfigurationRoot Build(
        TempFolder folder,
        string yaml,
        IReadOnlyList<ConfigOverride>? environment = null,
        IReadOnlyList<ConfigOverride>? commandLine = null,
        bool reloadOnChange = false)
    {
        var path = folder.Write("softswitch.yaml", yaml);
        return SoftswitchConfiguration.Build(path, "softswitch.yaml", environment ?? [], commandLine ?? [], reloadOnChange);
    }

    /// <summary>The valid text with one line replaced (1-based line number).</summary>
    public static string ValidWithLine(int line, string replacement)
    {
        var lines = Valid.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The shipped demo configuration in the repository.</summary>
    public static string ShippedConfigPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "configs", "softswitch.yaml");
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Softswitch.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("configs/softswitch.yaml not found above " + AppContext.BaseDirectory);
    }
}
