namespace GeoHandhaving.Api.Tests.Infrastructure;

/// <summary>Waiting for what another thread, job or instance does: the condition every 100 ms, failing after the patience.</summary>
public static class Poll
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, failure);
            await Task.Delay(100);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string failure) => UntilAsync(() => Task.FromResult(condition()), failure);
}
