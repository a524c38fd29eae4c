using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace GeoHandhaving.Api.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. When a second host in the same process (a test's Kestrel host) is
/// disposed, the provider it installed points at a disposed logger factory, and every later Hangfire call would throw.
/// This provider logs through the host's factory while it lives and stays silent after, instead of failing the job.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
