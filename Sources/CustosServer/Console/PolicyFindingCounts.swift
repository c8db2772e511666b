import CustosCore
import CustosServices
import Synchronization

/// How many errors and warnings the linter finds in a policy version, worked out once per policy
/// text in this process: the dashboard shows them on every view, and a version's text never
/// changes.
struct PolicyFindingCounts: Sendable, Hashable {
    let errors: Int
    let warnings: Int

    private static let known = Mutex<[String: PolicyFindingCounts]>([:])

    /// The counts for `version`; nil when its text no longer loads.
    static func of(_ version: PolicyVersion) -> PolicyFindingCounts? {
        if let counted = known.withLock({ $0[version.contentHash] }) { return counted }
        guard let loaded = try? PolicyLoader.load(yaml: version.source, fileName: version.fileName) else { return nil }
        let findings = PolicyLinter().findings(for: loaded)
        let counts = PolicyFindingCounts(
            errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count)
        known.withLock { $0[version.contentHash] = counts }
        return counts
    }
}
