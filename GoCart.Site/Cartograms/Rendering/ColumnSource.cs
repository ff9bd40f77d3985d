using GoCart.Site.Data;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// A dataset's column as the view builder receives it: its name, the record computing it and that record's
/// state, the stored submission (its values), and the engine's result once it succeeded.
/// </summary>
public sealed record ColumnSource(string Name, string Key, CartogramRecordStatus? Status, string? Error, CartogramSubmission? Submission, CartogramResult? Result);
