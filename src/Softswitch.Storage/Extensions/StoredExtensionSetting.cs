namespace Softswitch.Storage.Extensions;

/// <summary>One row of <c>extension_settings</c>: what a phone changed with feature codes.</summary>
public sealed record StoredExtensionSetting(string Extension, bool? DoNotDisturb, string? ForwardAlways, DateTimeOffset ChangedAt);
