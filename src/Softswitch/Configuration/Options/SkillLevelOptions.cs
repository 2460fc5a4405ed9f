namespace Softswitch.Configuration.Options;

/// <summary>A skill with a level (1-100): an agent's, or the minimum a queue needs.</summary>
public sealed class SkillLevelOptions
{
    /// <summary>The skill's name, e.g. en, ms, id or a product.</summary>
    public string Name { get; set; } = "";

    public int Level { get; set; } = 1;
}
