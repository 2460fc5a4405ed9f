using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>ivr</c> section.</summary>
public sealed class IvrOptions
{
    /// <summary>Folder of YAML flow files.</summary>
    public string Flows { get; set; } = "ivr-flows";

    /// <summary>Folder of prompts: sounds/&lt;language&gt;/&lt;name&gt;.wav.</summary>
    public string Sounds { get; set; } = "sounds";

    /// <summary>Language used when a flow does not pick one (ISO 639-1, e.g. en, ms).</summary>
    [ConfigurationKeyName("default_language")]
    public string DefaultLanguage { get; set; } = "en";
}
