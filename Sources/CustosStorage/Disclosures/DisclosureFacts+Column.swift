import Foundation

extension DisclosureFacts {
    /// The facts as their column keeps them: JSON, keys sorted.
    package func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The facts a column holds.
    package static func stored(_ text: String) throws -> DisclosureFacts {
        do {
            return try JSONDecoder().decode(DisclosureFacts.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("a disclosure's facts cannot be read")
        }
    }
}
