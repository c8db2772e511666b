import ArgumentParser
import CustosServices
import Foundation

/// `custos communications --subject ID`: the person's communications log.
struct CommunicationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communications",
        abstract: "What was sent to a person, for which purpose, and what happened to each message.")

    @OptionGroup var subject: SubjectOption
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try subject.id
        let log = try await store.withVault { vault in try await Outbox(vault: vault).communications(of: id) }
        if log.isEmpty { print("No messages.") }
        for entry in log {
            let message = entry.message
            print(
                "\(message.id.uuidString.lowercased())  \(message.template)  purpose \(message.purpose)\(message.list.map { ", list \($0)" } ?? "")  \(message.status.rawValue)"
            )
            for event in entry.events {
                print(
                    "  \(OutboxListCommand.time(event.at))  \(event.kind.rawValue)\(event.detail.map { "  \($0)" } ?? "")"
                )
            }
        }
    }
}
