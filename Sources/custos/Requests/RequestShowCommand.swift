import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request show ID`: a request, its history and how its due date was worked out.
struct RequestShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a request, its history and how its due date was worked out.")

    @OptionGroup var request: RequestIDArgument
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (shown, party, requester) = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            let requests = Requests(vault: vault)
            let shown = try await requests.show(id, asOf: .today)
            return (
                shown, try requests.party(of: shown.request),
                try await requests.requester(of: id, actor: CommandActor.current)
            )
        }
        print(RequestText.line(shown.request))
        if let ground = shown.request.feeGround {
            print("Fee: charged because \(ground.plainEnglish) (\(ground.reference))")
        }
        if let party {
            print(
                "Made by the person's \(party.relationship); competence: \(party.competence.isEmpty ? "not recorded" : party.competence)"
            )
        }
        if let requester {
            print(
                RequestText.requester(
                    requester.asked, channel: shown.request.channel, linkSentAt: requester.linkSentAt,
                    confirmedAt: requester.confirmedAt))
        }
        print("History:")
        for event in shown.events {
            print(
                "  \(event.day.iso)  \(event.action.rawValue)  by \(event.actor)\(event.reason.map { ": \($0)" } ?? "")"
            )
        }
        if let deadline = shown.deadline {
            print("Due date:")
            for step in deadline.steps { print("  \(step)") }
            if let warning = deadline.warning { print("Warning: \(warning)") }
        } else {
            print("Due date: \(shown.request.clockWaitsFor?.plainEnglish ?? "none").")
        }
    }
}

/// The request every step command takes: its id, or the reference people quote (R-2026-0042).
struct RequestIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The request's id or reference (e.g. R-2026-0042).", valueName: "REQUEST"))
    var text: String

    /// The request's id: the id given, or the id of the request the reference names.
    func id(in vault: Vault) async throws -> UUID {
        if let id = UUID(uuidString: text) { return id }
        guard StoredRequest.number(inReference: text) != nil else {
            throw ValidationError("'\(text)' is not a request id or reference (e.g. R-2026-0042)")
        }
        guard let found = try await Requests(vault: vault).request(reference: text) else {
            throw CommandFailure(message: "no request has the reference \(text)")
        }
        return found.id
    }
}
