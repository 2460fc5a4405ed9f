using Microsoft.Extensions.Configuration;
using Softswitch.Configuration.Validation;

namespace Softswitch.Hosting;

/// <summary>What the command line hands to the host: a validated configuration and where it came from.</summary>
/// <param name="Configuration">The layered configuration (file, environment, command line), watched for changes.</param>
/// <param name="Validation">Its validation; <see cref="ConfigValidationResult.IsValid"/> must be true.</param>
/// <param name="ConfigDisplayPath">The file as named to the admin.</param>
/// <param name="CurrentDirectory">Base of relative paths such as <c>data/softswitch.db</c>.</param>
public sealed record SoftswitchStartup(
    IConfigurationRoot Configuration,
    ConfigValidationResult Validation,
    string ConfigDisplayPath,
    string CurrentDirectory);
