import Foundation

/// How a journal entry's record types are kept in a column: a JSON array, or NULL for the whole
/// person.
enum ErasureJournalColumn {
    static func encoded(_ types: [String]?) throws -> String? {
        try types.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    }

    static func stored(_ text: String?) throws -> [String]? {
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("an erasure journal entry's record types do not decode")
        }
    }
}
