using System.Diagnostics;

namespace GeoHandhaving.Cli.Infrastructure;

/// <summary>
/// Progress of a long import or computation on stderr: one line, rewritten at most a few times per second — a count
/// (with a rate) or a state in words.
/// </summary>
internal sealed class Progress(string what, long? total = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReportMs = -1000;

    public void Report(long done)
    {
        if (Due())
        {
            Write(Counted(done), final: false);
        }
    }

    public void Report(string state)
    {
        if (Due())
        {
            Write(State(state), final: false);
        }
    }

    public void Done(long done) => Write(Counted(done), final: true);

    public void Done(string state) => Write(State(state), final: true);

    private bool Due()
    {
        if (_clock.ElapsedMilliseconds - _lastReportMs < 250)
        {
            return false;
        }
        _lastReportMs = _clock.ElapsedMilliseconds;
        return true;
    }

    private string Counted(long done)
    {
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var of = total is > 0 ? $"/{total:N0} ({100.0 * done / total.Value:F0} %)" : "";
        return $"{what}: {done:N0}{of}  {rate:N0}/s  {_clock.Elapsed:mm\\:ss}";
    }

    private string State(string state) => $"{what}: {state}  {_clock.Elapsed:mm\\:ss}";

    private static void Write(string line, bool final)
    {
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
