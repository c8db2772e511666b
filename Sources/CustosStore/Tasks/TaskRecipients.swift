import Foundation

/// How a task's recipients are kept in a column: a JSON array of names.
enum TaskRecipients {
    static func encoded(_ names: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(names)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func stored(_ text: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("a task's stored recipients do not decode")
        }
    }
}
