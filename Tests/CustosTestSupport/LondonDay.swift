import Foundation

/// Days as the legal clock counts them (in Europe/London), written `YYYY-MM-DD`, for tests that
/// run commands with dates relative to today.
public enum LondonDay {
    /// The day `days` from today (negative: before).
    public static func iso(fromToday days: Int) -> String {
        let london = TimeZone(identifier: "Europe/London") ?? .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let date = calendar.date(byAdding: .day, value: days, to: Date()) ?? Date()
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
