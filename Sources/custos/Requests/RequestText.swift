import CustosCore
import CustosServices
import Foundation

/// How requests read on the command line.
enum RequestText {
    /// One line: id, reference, kind, state, due date (with the days left, or overdue, while open), how it
    /// came and when.
    static func line(_ request: StoredRequest, today: CalendarDay = .today) -> String {
        var due = request.dueOn.map { "due \($0.iso)" } ?? request.clockWaitsFor?.plainEnglish ?? "no due date"
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
            "\(request.id.uuidString)  \(request.reference)  \(request.kind.rawValue)  \(state)  \(due)  (\(request.channel.rawValue), received \(request.receivedOn.iso))"
    }

    /// Who made a request, how to reach them and what they said; for one made online, whether
    /// they confirmed their address; for one taken by staff, how their identity was checked.
    static func requester(
        _ asked: PublicRequest, channel: RequestChannel, linkSentAt: Date?, confirmedAt: Date?
    ) -> String {
        let contacts = [asked.email.map { "<\($0)>" }, asked.telephone].compactMap { $0 }.joined(separator: ", ")
        var lines = ["Made \(channel.title) by \(asked.name)\(contacts.isEmpty ? "" : " \(contacts)")"]
        if let address = asked.postalAddress { lines.append("  Address: \(address)") }
        if channel == .web {
            lines.append(
                confirmedAt.map { "  Address confirmed \(CalendarDay($0, in: CalendarDay.clockTimeZone).iso)" }
                    ?? (linkSentAt == nil
                        ? "  Confirmation link not yet sent" : "  Confirmation link sent; not yet followed"))
        } else {
            lines.append("  Identity: \(asked.identityCheck.map { "checked: \($0)" } ?? "not yet checked")")
        }
        if let onBehalf = asked.onBehalf {
            lines.append("  For \(onBehalf.theirName) (requester's \(onBehalf.relationship))")
            lines.append("  The requester says of their competence: \(onBehalf.competence)")
        }
        if let details = asked.details { lines.append("  Details: \(details)") }
        return lines.joined(separator: "\n")
    }
}
