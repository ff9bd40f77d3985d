namespace GoCart.Lambda.Engine;

/// <summary>Row-parallel work on the lattice: [0, count) split into one contiguous band per worker.</summary>
internal static class WorkerBands
{
    /// <summary>
    /// Runs <paramref name="band"/>(worker, first, last) for at most <paramref name="workers"/> bands in parallel,
    /// or once inline for the whole range when there is one worker or fewer than two items.
    /// </summary>
    public static void Run(int workers, int count, Action<int, int, int> band)
    {
        if (workers <= 1 || count < 2)
        {
            band(0, 0, count);
            return;
        }

        var bands = Math.Min(workers, count);
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = bands }, w =>
            band(w, (int)((long)count * w / bands), (int)((long)count * (w + 1) / bands)));
    }
}
