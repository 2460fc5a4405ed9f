namespace Softswitch.Storage.Migrations;

/// <summary>One schema step: applied once, in version order, inside a transaction.</summary>
/// <param name="Version">Strictly increasing schema version this step brings the database to.</param>
/// <param name="Description">What the step does, stored in <c>schema_version</c> for admins.</param>
/// <param name="Sql">The statements to run.</param>
public sealed record Migration(int Version, string Description, string Sql);
