/// A closed set of words a policy may use for one key (a lawful basis, a cookie category, ...).
///
/// The loader accepts only the raw values and, for anything else, says which words are allowed.
public protocol PolicyKeyword: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {}
