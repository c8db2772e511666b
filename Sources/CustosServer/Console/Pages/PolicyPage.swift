/// `/console/policy` (`console-policy`): the policy's current version, what the linter finds in
/// it, and every version.
struct PolicyPage: ConsolePage {
    static let template = "console-policy"

    /// What the linter finds, as a row of its table.
    struct Finding: Sendable {
        /// `error` or `warning`.
        let severity: String
        let message: String
        /// The law the finding rests on.
        let reference: String
        /// The finding's place in the policy file: its path, and line when known.
        let `where`: String
    }

    /// A version of the policy, as a row of the table of them.
    struct Version: Sendable {
        let label: String
        let recordedAt: String
        let recordedBy: String
        let fileName: String
    }

    /// The workspace's name, as its privacy notice's address has it.
    let workspace: String
    /// The current version: its label, file, and when and by whom it was recorded.
    let version: String
    let fileName: String
    let recordedAt: String
    let recordedBy: String
    let errorCount: Int
    let warningCount: Int
    /// The linter's findings, errors first.
    let findings: [Finding]
    /// Every version, newest first.
    let versions: [Version]
}
