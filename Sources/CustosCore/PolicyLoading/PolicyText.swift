/// A value written as text in a policy and parsed by its type (a period such as `5 years`, a date).
public protocol PolicyText: Sendable, Decodable {
    /// Parses the text; throws ``PolicyTextError`` saying what was expected.
    init(policyText text: String) throws(PolicyTextError)
}

/// Why a piece of policy text could not be read as the value it stands for.
public struct PolicyTextError: Error, Sendable, Equatable {
    /// What was expected, e.g. "a period such as '5 years' or '6 months'".
    public var expected: String

    public init(expected: String) {
        self.expected = expected
    }
}

extension PolicyText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(policyText: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(error.expected), found '\(text)'")
        }
    }
}
