import CustosCore

/// Open requests due in each of the next eight weeks (the first starting today), drawn on the
/// server as an SVG bar chart, with the same numbers for a table beside it: no script, and
/// readable without the picture.
struct DueByWeekChart: Sendable {
    /// One week's bar, with where the SVG draws it.
    struct Week: Sendable {
        /// The week's first day, short ("7 Dec").
        let label: String
        /// The week in full, for the table ("7 to 13 December 2026").
        let range: String
        let count: Int
        let x: Int
        let labelX: Int
        let barY: Int
        let barHeight: Int
        let countY: Int
    }

    static let weekCount = 8
    /// The drawing's size, in the SVG's own units.
    static let width = 640
    static let height = 230
    private static let baseline = 190
    private static let tallest = 150
    private static let barWidth = 48

    let weeks: [Week]
    /// The chart in one sentence, its accessible name.
    let summary: String

    init(due: [CalendarDay], from today: CalendarDay) {
        let counts = (0..<Self.weekCount).map { week in
            let start = today.adding(days: 7 * week)
            let end = start.adding(days: 6)
            return (start, end, due.filter { start <= $0 && $0 <= end }.count)
        }
        let most = max(counts.map(\.2).max() ?? 0, 1)
        weeks = counts.enumerated().map { index, week in
            let (start, end, count) = week
            let height = count == 0 ? 0 : max(4, count * Self.tallest / most)
            let x = 40 + index * 74
            return Week(
                label: Self.short(start), range: "\(Self.short(start)) to \(PageText.day(end))", count: count, x: x,
                labelX: x + Self.barWidth / 2, barY: Self.baseline - height, barHeight: height,
                countY: Self.baseline - height - 6)
        }
        let total = counts.map(\.2).reduce(0, +)
        summary =
            "Open requests due in each of the next eight weeks: \(total) in all, "
            + weeks.map { "\($0.count) in the week of \($0.label)" }.joined(separator: ", ") + "."
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "7 Dec".
    private static func short(_ day: CalendarDay) -> String {
        let (_, month, dayOfMonth) = day.components
        return "\(dayOfMonth) \(months[month - 1])"
    }
}
