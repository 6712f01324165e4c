namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Work a run starts early so it is done before the scenarios need it (keys, catalogues, warm-ups), each on a thread of
/// its own rather than the thread pool's: discovery parses the feature files in parallel on the pool, and with such work
/// holding the pool's threads it waited until they were free (0.3–0.8 s, docs/performance.md). A failure is observed
/// here and otherwise left where the work keeps it (a lazy value, a type initializer), to be thrown where it is used.
/// </summary>
public static class StartUpWork
{
    /// <summary>Starts <paramref name="work"/> on a thread of its own.</summary>
    public static void Start(Action work) =>
        _ = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
}
