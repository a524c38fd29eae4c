using System.Diagnostics;

namespace GeoHandhaving.Cli.Infrastructure;

/// <summary>Progress of a long import on stderr: one line, rewritten at most a few times per second.</summary>
internal sealed class Progress(string what, long? total = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReportMs = -1000;

    public void Report(long done)
    {
        if (_clock.ElapsedMilliseconds - _lastReportMs < 250)
        {
            return;
        }
        _lastReportMs = _clock.ElapsedMilliseconds;
        Write(done, final: false);
    }

    public void Done(long done) => Write(done, final: true);

    private void Write(long done, bool final)
    {
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var of = total is > 0 ? $"/{total:N0} ({100.0 * done / total.Value:F0} %)" : "";
        var line = $"{what}: {done:N0}{of}  {rate:N0}/s  {_clock.Elapsed:mm\\:ss}";
        if (Console.IsErrorRedirected)
        {
            if (final) Console.Error.WriteLine(line);
        }
        else
        {
            Console.Error.Write("\r" + line.PadRight(70) + (final ? "\n" : ""));
        }
    }
}
