package import CustosCore
import Foundation

/// How a school calendar is kept in a column: JSON of its terms and closures.
package enum SchoolCalendarColumn {
    package static func encoded(_ calendar: SchoolCalendar) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(calendar), as: UTF8.self)
    }

    package static func stored(_ text: String) throws -> SchoolCalendar {
        do {
            return try JSONDecoder().decode(SchoolCalendar.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("the stored school calendar does not decode")
        }
    }
}
