import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos outbox`: what is waiting, what failed, and sending it.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "See and send the outbox.",
        subcommands: [OutboxListCommand.self, OutboxDeliverCommand.self, OutboxRetryCommand.self],
        defaultSubcommand: OutboxListCommand.self)
}

struct OutboxListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Counts by status, then the messages with the statuses asked for (failed by default).")

    @Option(help: "queued, sent, failed or cancelled (repeatable).") var status: [MessageStatus] = [.failed]
    @Option(help: "At most this many messages.") var limit = 50
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (counts, messages) = try await store.withVault { vault in
            let outbox = Outbox(vault: vault)
            return (try await outbox.counts(), try await outbox.messages(withStatuses: status, limit: limit))
        }
        print(MessageStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        for message in messages {
            var line = "\(message.id.uuidString.lowercased())  \(message.status.rawValue)  \(message.purpose)"
            line += "  \(message.template)  attempts \(message.attempts)"
            if let next = message.nextAttemptAt, message.status == .queued { line += "  next \(Self.time(next))" }
            if let error = message.lastError { line += "  \(error)" }
            print(line)
        }
    }

    static func time(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
    }
}

struct OutboxDeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "Send what is due now; exits 1 if any message failed for good.")

    @OptionGroup var mail: MailOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let transport = try mail.transport(store: store)
        let report = try await store.withVault { vault in
            let outbox = Outbox(vault: vault)
            var total = DeliveryReport()
            while true {
                let report = try await outbox.deliver(using: transport)
                guard report.total > 0 else { break }
                total.sent += report.sent
                total.deferred += report.deferred
                total.failed += report.failed
                total.cancelled += report.cancelled
            }
            return total
        }
        print(
            "\(transport.description): \(report.sent) sent, \(report.deferred) deferred, \(report.failed) failed, \(report.cancelled) cancelled"
        )
        if report.failed > 0 { throw ExitCode(1) }
    }
}

struct OutboxRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Put a failed message back in the queue.")

    @Argument(help: ArgumentHelp("The message's id.", valueName: "ID")) var id: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let messageID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a message id") }
        try await store.withVault { vault in
            try await Outbox(vault: vault).retry(messageID, actor: CommandActor.current)
        }
        print("queued again")
    }
}
