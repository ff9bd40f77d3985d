namespace GoCart.Site.Admin;

/// <summary>
/// Counts failed admin logins per client address: <see cref="LoginThrottle.MaxFailures"/> failures within
/// <see cref="LoginThrottle.Window"/> lock the address for that long, even for the right password.
/// </summary>
public interface ILoginThrottle
{
    Task<bool> IsLockedOutAsync(string client);

    Task RecordFailureAsync(string client);

    Task ResetAsync(string client);
}
