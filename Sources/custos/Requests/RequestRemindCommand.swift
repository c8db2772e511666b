import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request remind`: sends the DPO the reminders due about requests coming due.
struct RequestRemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Send the DPO the reminders due: 7 days and 1 day before a request is due.",
        discussion: """
            Each reminder is sent once. The server sends them by itself with the outbox; this is for a cron job \
            or to send them now. They name the request and its dates, never the person.
            """)

    @Option(help: ArgumentHelp("The day to count from (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDay?
    @Option(
        help: ArgumentHelp(
            "The sender's address. Default: the controller's (else the DPO's) email.", valueName: "ADDRESS"))
    var from: String?
    @OptionGroup var link: PublicURLOption
    @OptionGroup var mail: MailOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let transport = try mail.transport(store: store)
        // Links only to a server someone configured: never to this machine's own address.
        let publicURL =
            link.publicURL != nil || Settings.current.value(.publicURL) != nil
            ? try link.checked() : nil
        let (sent, due) = try await store.withVault { vault in
            let reminders = RequestReminders(vault: vault)
            guard reminders.recipient != nil else {
                throw CommandFailure(message: "error: the policy gives no DPO, request contact or controller email")
            }
            let sender =
                try from.map { address in
                    guard let sender = MailAddress(address) else {
                        throw ValidationError("--from: '\(address)' is not an email address")
                    }
                    return sender
                } ?? reminders.defaultSender
            guard let sender else { throw ValidationError("--from: the policy gives no sender; give one") }
            let due = try await reminders.due(asOf: asOf ?? .today).count
            return (
                try await reminders.send(using: transport, from: sender, asOf: asOf ?? .today, publicURL: publicURL),
                due
            )
        }
        print("\(transport.description): \(sent) of \(due) reminder\(due == 1 ? "" : "s") sent")
        if sent < due { throw ExitCode(1) }
    }
}
