/// A message template that cannot be used: it names the file, the line where known, and the rule.
public struct MessageTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var fileName: String
    public var line: Int?
    public var message: String

    public init(fileName: String, line: Int? = nil, _ message: String) {
        self.fileName = fileName
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(fileName):\(line): \(message)" }
        return "\(fileName): \(message)"
    }
}
