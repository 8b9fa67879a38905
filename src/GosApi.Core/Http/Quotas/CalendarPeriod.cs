using System;

namespace GosApi.Http.Quotas
{
    /// <summary>A calendar ("astronomical", 001 Appendix 3) period in which a request quota is counted.</summary>
    public enum CalendarPeriod
    {
        Minute,
        Hour,
        Day,
        Month,
        Year,
    }

    /// <summary>Start and end of calendar periods in Moscow time (UTC+3, no daylight saving), where EPGU counts its quotas.</summary>
    public static class CalendarWindows
    {
        public static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);

        public static DateTimeOffset StartOf(CalendarPeriod period, DateTimeOffset time)
        {
            var t = time.ToOffset(MoscowOffset);
            switch (period)
            {
                case CalendarPeriod.Minute: return new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, MoscowOffset);
                case CalendarPeriod.Hour: return new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, MoscowOffset);
                case CalendarPeriod.Day: return new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, MoscowOffset);
                case CalendarPeriod.Month: return new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, MoscowOffset);
                default: return new DateTimeOffset(t.Year, 1, 1, 0, 0, 0, MoscowOffset);
            }
        }

        public static DateTimeOffset EndOf(CalendarPeriod period, DateTimeOffset time)
        {
            var start = StartOf(period, time);
            switch (period)
            {
                case CalendarPeriod.Minute: return start.AddMinutes(1);
                case CalendarPeriod.Hour: return start.AddHours(1);
                case CalendarPeriod.Day: return start.AddDays(1);
                case CalendarPeriod.Month: return start.AddMonths(1);
                default: return start.AddYears(1);
            }
        }
    }
}
