using System.Globalization;

namespace GeoHandhaving.Core.TimeWindows;

/// <summary>The windows shipped with the service: the named enforcement windows and the 168 hours of the week.</summary>
public static class DefaultTimeWindows
{
    public static TimeWindow Schoolbrengen { get; } =
        TimeWindowParser.Parse("schoolbrengen", "ma-vr 07:45-08:45", ["parkeeroverlast", "verkeersoverlast"], schoolDaysOnly: true);

    public static TimeWindow Schoolhalen { get; } =
        TimeWindowParser.Parse("schoolhalen", "ma,di,do,vr 14:15-15:30; wo 12:00-13:00", ["parkeeroverlast", "verkeersoverlast"], schoolDaysOnly: true);

    public static TimeWindow Uitgaansnacht { get; } =
        TimeWindowParser.Parse("uitgaansnacht", "vr,za 22:00-04:00", ["jeugdoverlast", "geluidsoverlast"]);

    public static TimeWindow AllHours { get; } = TimeWindowParser.Parse("alle-uren", "ma-zo 00:00-24:00");

    public static IReadOnlyList<TimeWindow> Named { get; } = [Schoolbrengen, Schoolhalen, Uitgaansnacht];

    private static readonly string[] DutchDays = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    /// <summary>One window per hour of the week, Monday 00:00 first, named like <c>uur-di-08</c>.</summary>
    public static IReadOnlyList<TimeWindow> HoursOfWeek { get; } =
    [
        .. from day in DutchDays
           from hour in Enumerable.Range(0, 24)
           select TimeWindowParser.Parse(
               string.Create(CultureInfo.InvariantCulture, $"uur-{day}-{hour:00}"),
               string.Create(CultureInfo.InvariantCulture, $"{day} {hour:00}:00-{(hour + 1) % 24:00}:00")),
    ];

    public static IReadOnlyList<TimeWindow> All { get; } = [.. Named, .. HoursOfWeek];
}
