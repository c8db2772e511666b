import ArgumentParser

/// `custos message`: templated messages, checked and queued.
struct MessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message", abstract: "Check message templates and queue messages in the outbox.",
        subcommands: [MessageCheckCommand.self, MessageSendCommand.self])
}
