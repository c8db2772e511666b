import Foundation

/// How a list of names (record types, field names, recipients) is kept in a column: a JSON array,
/// or NULL for none given.
package enum NameListColumn {
    package static func encoded(_ names: [String]?) throws -> String? {
        try names.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    }

    package static func stored(_ text: String?) throws -> [String]? {
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("a stored list of names does not decode")
        }
    }
}
