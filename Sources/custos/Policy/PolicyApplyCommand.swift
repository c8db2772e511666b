import ArgumentParser
import CustosCore
import CustosServices
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

    @OptionGroup var links: MessageLinkOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let loaded = try PolicyFile.load(file)
        _ = try PolicyFile.notice(loaded)
        let findings = PolicyLinter().findings(for: loaded)
        // Checked before anything is recorded: a policy that promises to email changes needs a sender.
        let settings = loaded.policy.notice.emailChanges == true ? try links.settings(for: loaded.policy) : nil
        let outcome = try await store.withInstallation { installation in
            let workspace = try await installation.resolveWorkspace(self.store.workspace)
            let previous = try await installation.currentPolicyVersion(in: workspace)
            let outcome = try await installation.recordPolicyVersion(loaded, in: workspace, by: CommandActor.current)
            var told: PolicyChangeNotices.Report?
            if case .recorded(let version) = outcome, let settings, let previous,
                let before = try? PolicyLoader.load(yaml: previous.source, fileName: previous.fileName)
            {
                let changes = PolicyChanges(from: before.policy, to: loaded.policy)
                let vault = try await installation.vault(workspace)
                told = try await PolicyChangeNotices(vault: vault).queue(
                    changes, version: version.number, settings: settings,
                    actor: CommandActor.current)
            }
            return (workspace.name, outcome, told)
        }
        switch outcome.1 {
        case .recorded(let version):
            print("Recorded policy \(version.label) for workspace '\(outcome.0)'.")
            if let told = outcome.2, told.told + told.leftOut > 0 {
                print(
                    "Purposes or recipients changed, and the policy promises to email people: \(told.told) emails queued (the outbox sends them); \(told.leftOut) left out by a purpose's contact decision or for want of an address (someone left out by one purpose may be told through another)."
                )
            }
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
