import CustosCore
import CustosStore

/// How requests read on the command line.
enum RequestText {
    /// One line: id, kind, state, due date (with the days left, or overdue, while open), how it
    /// came and when.
    static func line(_ request: StoredRequest, today: CalendarDay = .today) -> String {
        var due = request.dueOn.map { "due \($0.iso)" } ?? "not yet due"
        if let day = request.dueOn, !request.state.isClosed {
            let left = today.days(to: day)
            let note =
                switch left {
                case ..<0: " (overdue by \(-left) day\(left == -1 ? "" : "s"))"
                case 0: " (today)"
                default: " (\(left) day\(left == 1 ? "" : "s") left)"
                }
            due += note
        }
        let state = request.state.rawValue.replacingOccurrences(of: "_", with: " ")
        return
            "\(request.id.uuidString)  \(request.kind.rawValue)  \(state)  \(due)  (\(request.channel.rawValue), received \(request.receivedOn.iso))"
    }
}
