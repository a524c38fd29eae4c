using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class TimeWindowTextTests
{
    [Theory]
    [InlineData("ma,di,do,vr 14:15-15:30; wo 12:00-13:00")]
    [InlineData("vr,za 22:00-04:00")]
    [InlineData("ma,di,wo,do,vr 07:45-08:45")]
    public void Formatted_window_parses_back_to_the_same_parts(string text)
    {
        var window = TimeWindowParser.Parse("w", text);
        Assert.Equal(text, TimeWindowText.Format(window));
        Assert.Equal(window.Parts, TimeWindowParser.Parse("w", TimeWindowText.Format(window)).Parts, new PartComparer());
    }

    private sealed class PartComparer : IEqualityComparer<TimeWindowPart>
    {
        public bool Equals(TimeWindowPart? a, TimeWindowPart? b) => a!.Start == b!.Start && a.End == b.End && a.Days.SetEquals(b.Days);
        public int GetHashCode(TimeWindowPart p) => p.Start.GetHashCode();
    }
}
