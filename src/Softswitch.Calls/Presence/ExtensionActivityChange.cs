namespace Softswitch.Calls.Presence;

/// <summary>
/// One report as observers see it: which dialog changed, and every dialog of the extension right after the change
/// (a terminated dialog is listed in the change that ended it, and in none after).
/// </summary>
public sealed record ExtensionActivityChange(string Extension, DialogActivity Changed, IReadOnlyList<DialogActivity> Dialogs);
