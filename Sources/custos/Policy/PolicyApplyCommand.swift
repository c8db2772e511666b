import ArgumentParser
import CustosCore
import CustosStore
import Foundation

/// `custos policy apply FILE`: records a new version of the workspace's policy.
struct PolicyApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Load a new version of the workspace's policy.",
        discussion:
            "Refuses a policy that cannot be read or whose privacy notice cannot be produced. Linter errors are reported but do not block: the policy records what the organisation does."
    )

    @Argument(help: "The policy file (YAML).")
    var file: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let loaded = try PolicyFile.load(file)
        _ = try PolicyFile.notice(loaded)
        let findings = PolicyLinter().findings(for: loaded)
        let outcome = try await store.withStore { store in
            let workspace = try await store.resolveWorkspace(self.store.workspace)
            let outcome = try await store.recordPolicyVersion(
                loaded, in: workspace, by: CommandActor.current, at: Date())
            return (workspace.name, outcome)
        }
        switch outcome.1 {
        case .recorded(let version):
            print("Recorded policy \(version.label) for workspace '\(outcome.0)'.")
        case .unchanged(let version):
            print("Unchanged: the policy in force for workspace '\(outcome.0)' is already this text, \(version.label).")
        }
        let errors = findings.filter { $0.severity == .error }.count
        if errors > 0 {
            print(
                "The linter finds \(errors) error\(errors == 1 ? "" : "s") in this policy; see 'custos policy check \(file)'."
            )
        }
    }
}
