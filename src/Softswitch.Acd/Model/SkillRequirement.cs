namespace Softswitch.Acd.Model;

/// <summary>A skill an agent must have, at <paramref name="MinimumLevel"/> or above (levels are 1–100 by convention).</summary>
public readonly record struct SkillRequirement(string Skill, int MinimumLevel);
