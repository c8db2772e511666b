import Foundation

extension AnonymisedRecord {
    /// The kept values as their column keeps them: JSON, keys sorted.
    package func encodedValues() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    /// The kept values a column holds.
    package static func storedValues(_ text: String) throws -> [String: String] {
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("an anonymised record's fields cannot be read")
        }
    }
}
