import ArgumentParser
import CustosCore
import Foundation

/// A message template read from a file.
enum MessageTemplateFile {
    static func load(_ path: String) throws -> MessageTemplate {
        let url = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ValidationError("\(path): the template cannot be read as UTF-8 text")
        }
        do {
            return try MessageTemplate(text: text, name: url.lastPathComponent)
        } catch {
            throw CommandFailure(message: "error: \(error.description)")
        }
    }
}
