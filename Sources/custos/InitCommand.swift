import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos init --policy FILE`: a new workspace (and data folder) from a policy.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace from a policy, in a new data folder or database.",
        discussion:
            "The workspace is named with --workspace, or after the controller's short name. Refuses a policy whose privacy notice cannot be produced."
    )

    @Option(help: ArgumentHelp("The policy file (YAML).", valueName: "FILE"))
    var policy: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let loaded = try PolicyFile.load(policy)
        _ = try PolicyFile.notice(loaded)
        let name = store.workspace ?? WorkspaceNaming.suggestedName(for: loaded.policy)
        let title = loaded.policy.controller.name ?? loaded.policy.controller.displayName
        let location = try store.location()
        let keys = store.keys
        let madeKeyFile = try keys.createIfAbsent()
        let (workspace, version) = try await store.withInstallation { installation in
            let created = try await installation.createWorkspace(
                name: name, title: title, policy: loaded, by: CommandActor.current)
            _ = try await installation.vault(created.0, policy: loaded.policy)
            return created
        }
        print("Created workspace '\(workspace.name)' (\(workspace.title)) with policy \(version.label).")
        print("Data: \(location)")
        print(
            madeKeyFile
                ? "Master key: made \(keys.location) (mode 0600). Keep it secret and back it up apart from the data."
                : "Master key: \(keys.location)")
        let errors = PolicyLinter().findings(for: loaded).filter { $0.severity == .error }.count
        if errors > 0 {
            print(
                "The linter finds \(errors) error\(errors == 1 ? "" : "s") in this policy; see 'custos policy check \(policy)'."
            )
        }
    }
}
