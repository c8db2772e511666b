/// The notice cannot be produced: items Articles 13 and 14 require are missing from the policy.
public struct NoticeIncompleteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is missing: one finding per missing item, with its reference and place in the file.
    public var missing: [PolicyFinding]

    public var description: String {
        let lines = missing.map { finding in
            let place = finding.line.map { "line \($0): " } ?? ""
            return "- \(place)\(finding.message) (\(finding.reference))"
        }
        return (["The privacy notice cannot be produced; these items are missing:"] + lines).joined(separator: "\n")
    }
}
