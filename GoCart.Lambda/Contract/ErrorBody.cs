namespace GoCart.Lambda.Contract;

/// <summary>The JSON body of every error response: what went wrong, in words a user can act on, and its kind.</summary>
public sealed record ErrorBody(string Error, string Kind);
