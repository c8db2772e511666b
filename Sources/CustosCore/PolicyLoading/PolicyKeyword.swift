/// A closed set of words a policy may use for one key (a lawful basis, a cookie category, ...).
///
/// The loader accepts only the raw values and, for anything else, says which words are allowed.
public protocol PolicyKeyword: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {}

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

/// A type whose value is implied when its key is left out of the policy: lists are empty,
/// flags are off.
protocol ImpliedWhenAbsent {
    static var impliedValue: Self { get }
}

extension Array: ImpliedWhenAbsent {
    static var impliedValue: Self { [] }
}

extension Bool: ImpliedWhenAbsent {
    static var impliedValue: Self { false }
}
