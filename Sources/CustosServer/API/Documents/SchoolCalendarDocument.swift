import CustosCore
import Hummingbird

/// The school calendar: terms (first and last day) and closures.
struct SchoolCalendarDocument: ResponseCodable {
    struct Term: Codable {
        var from: String
        var to: String
    }

    var terms: [Term]
    var closures: [String]

    init(_ calendar: SchoolCalendar) {
        terms = calendar.terms.map { Term(from: $0.lowerBound.iso, to: $0.upperBound.iso) }
        closures = calendar.closures.sorted().map(\.iso)
    }
}
