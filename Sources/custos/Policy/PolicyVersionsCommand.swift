import ArgumentParser
import CustosServices
import Foundation

/// `custos policy versions`: the versions of the workspace's policy, oldest first.
struct PolicyVersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions", abstract: "List the versions of the workspace's policy.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let versions = try await store.withInstallation { installation in
            try await installation.policyVersions(in: installation.resolveWorkspace(self.store.workspace))
        }
        let formatter = ISO8601DateFormatter()
        for version in versions {
            print(
                "\(version.label)  \(formatter.string(from: version.recordedAt))  \(version.recordedBy)  \(version.fileName)"
            )
        }
    }
}
