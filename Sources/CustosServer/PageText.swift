import CustosCore
import Foundation

/// How the console and the privacy centre write days, times and keywords for people: "24 November 2026", "14:05",
/// "awaiting verification". Days and times are in England's time zone.
enum PageText {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func day(_ day: CalendarDay) -> String {
        let parts = day.iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day.iso }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.clockTimeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(day(CalendarDay(date, in: CalendarDay.clockTimeZone))), \(clock)"
    }

    /// A keyword (`awaiting_verification`) as words.
    static func words(_ keyword: String) -> String {
        keyword.replacingOccurrences(of: "_", with: " ")
    }

    /// A keyword as a label, its first letter in capitals: "Awaiting verification".
    static func label(_ keyword: String) -> String {
        let text = words(keyword)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Days left to `due` from `today`: "3 days left", "due today", "overdue by 2 days".
    static func left(to due: CalendarDay, from today: CalendarDay) -> String {
        let days = today.days(to: due)
        switch days {
        case ..<0: return "overdue by \(-days) day\(days == -1 ? "" : "s")"
        case 0: return "due today"
        default: return "\(days) day\(days == 1 ? "" : "s") left"
        }
    }

    /// The class that marks a deadline: overdue, within a week, or none.
    static func dueClass(_ due: CalendarDay?, from today: CalendarDay) -> String {
        guard let due else { return "" }
        let days = today.days(to: due)
        return days < 0 ? "overdue" : days <= 7 ? "due-soon" : ""
    }

    /// `singular` or `plural`, as `count` asks: the words after a number ("1 task", "2 tasks").
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        count == 1 ? singular : plural
    }
}
