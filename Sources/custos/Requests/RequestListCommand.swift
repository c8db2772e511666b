import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request list`: open requests, soonest due first.
struct RequestListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List open requests, soonest due first.")

    @Flag(help: "Include completed and refused requests.") var all = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let requests = try await store.withVault { vault in
            try await Requests(vault: vault).list(includingClosed: all)
        }
        if requests.isEmpty { print(all ? "No requests." : "No open requests.") }
        for request in requests { print(RequestText.line(request)) }
    }
}
