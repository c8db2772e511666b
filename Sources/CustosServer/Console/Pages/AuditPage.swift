/// `/console/audit` (`console-audit`): whether the audit chain verifies, and the workspace's latest entries.
struct AuditPage: ConsolePage {
    static let template = "console-audit"

    /// An audit entry, as a row of the table of them.
    struct Entry: Sendable {
        let sequence: Int
        let time: String
        let actor: String
        let action: String
        /// The purpose it was done for; empty when none was given.
        let purpose: String
    }

    /// Whether the whole chain verifies.
    let intact: Bool
    /// How many entries verify (before the first break, when broken).
    let verified: Int
    /// The first entry hashed under the master key; none for a log never written with the key.
    let keyedFrom: Int?
    /// Where the key file records keying began, when it records it.
    let anchoredAt: Int?
    /// Where the chain first breaks, when it does.
    let failure: String?
    /// The latest entries, newest first.
    let entries: [Entry]
}
