/// One rule of UK data protection law that a policy can break, as a small named type.
///
/// A rule looks at the whole policy and returns what breaks it; the ``PolicyLinter`` turns each
/// violation into a ``PolicyFinding`` with the rule's id, severity and reference and the line.
public protocol PolicyRule: Sendable {
    /// A stable identifier, e.g. `lawful-basis`; tests, docs and suppressions use it.
    var id: String { get }
    var severity: FindingSeverity { get }
    /// The legal reference, e.g. `UK GDPR Art 6(1), 13(1)(c)`.
    var reference: String { get }
    /// What the rule checks, in one sentence (for `policy rules` and docs).
    var summary: String { get }
    func check(_ policy: Policy) -> [RuleViolation]
}

extension PolicyPath {
    /// `purposes[i]` for the purpose at index `i`, and the like for every top-level list.
    static func purpose(_ index: Int) -> PolicyPath { root.key("purposes").index(index) }
    static func recordType(_ index: Int) -> PolicyPath { root.key("record_types").index(index) }
    static func recipient(_ index: Int) -> PolicyPath { root.key("recipients").index(index) }
    static func retentionRule(_ index: Int) -> PolicyPath { root.key("retention").index(index) }
    static func cookie(_ index: Int) -> PolicyPath { root.key("cookies").index(index) }
    static func subject(_ index: Int) -> PolicyPath { root.key("subjects").index(index) }
    static func category(_ index: Int) -> PolicyPath { root.key("categories").index(index) }
    static let controller = root.key("controller")
    static let dpo = root.key("dpo")
    static let rights = root.key("rights")
}
