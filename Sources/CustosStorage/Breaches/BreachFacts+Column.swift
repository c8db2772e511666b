import Foundation

extension BreachFacts {
    /// The facts as their column keeps them: JSON, keys sorted.
    package func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The facts a column holds.
    package static func stored(_ text: String) throws -> BreachFacts {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do {
            return try decoder.decode(BreachFacts.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("a breach's facts cannot be read")
        }
    }
}
