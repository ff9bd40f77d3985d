using System.Runtime.ExceptionServices;

namespace GoCart.Lambda.Geo;

/// <summary>
/// One independent piece of work per region, on the thread pool. A failure is rethrown as it is, not wrapped in an
/// AggregateException, so callers still see the <see cref="MapInputException"/> that names the region; when several
/// regions fail, the first region's exception is the one thrown, as a sequential loop would.
/// </summary>
internal static class RegionsInParallel
{
    public static T[] Map<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var failures = new ExceptionDispatchInfo?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                results[i] = work(i);
            }
            catch (Exception exception)
            {
                failures[i] = ExceptionDispatchInfo.Capture(exception);
            }
        });
        foreach (var failure in failures)
        {
            failure?.Throw();
        }

        return results;
    }
}
