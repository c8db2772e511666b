import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos token add|list|revoke`: API tokens for integrations.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make, list and revoke API tokens.",
        discussion: """
            A token reaches one workspace, with one role: the policy's access rules decide what it sees. \
            It is shown once, when made; Custos keeps only a hash of it.
            """,
        subcommands: [TokenAddCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

struct TokenAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make a token and print it, once.")

    @Option(help: "What the token is for, e.g. 'MIS sync'; the audit log names it.") var name: String
    @Option(help: "Its role: \(StaffRole.argumentNames).", transform: StaffRole.parsedArgument)
    var role: StaffRole
    @Option(help: "For a school leader's token: the URN of their school.") var school: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let issued = try await store.withInstallation { installation in
            let workspace = try await installation.resolveWorkspace(self.store.workspace)
            let schoolID = try await installation.schoolID(forURN: school, in: workspace)
            return try await installation.accessTokens.issue(
                name: name, role: role, schoolID: schoolID, in: workspace, by: CommandActor.current, makerRole: nil)
        }
        Console.error("Token \(issued.token.id.uuidString.lowercased()) made; it is shown once:")
        print(issued.bearer)
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the workspace's tokens (never their secrets).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let tokens = try await store.withInstallation { installation in
            try await installation.accessTokens.tokens(in: installation.resolveWorkspace(self.store.workspace).id)
        }
        for token in tokens {
            let state = token.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "live"
            print(
                [token.id.uuidString.lowercased(), token.role.rawValue, state, token.name].joined(separator: "  "))
        }
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a token; calls with it are refused from now on.")

    @Argument(help: "The token's id, as `token list` shows it.") var id: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let tokenID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a token id") }
        try await store.withInstallation { installation in
            try await installation.accessTokens.revoke(
                id: tokenID, in: installation.resolveWorkspace(self.store.workspace), by: CommandActor.current)
        }
        print("Revoked.")
    }
}
