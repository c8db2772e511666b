import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request …`: the register of requests from people, on the legal clock.
struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Take in requests from people and move them on, on the legal clock.",
        discussion: """
            Each step is recorded with who took it, on which day and why, and never rewritten; the state and the \
            due date follow from the steps (see docs/requests.md). Dates are YYYY-MM-DD and default to today.
            """,
        subcommands: [
            RequestNewCommand.self, RequestListCommand.self, RequestShowCommand.self, RequestVerifyCommand.self,
            RequestFeeCommand.self, RequestAskCommand.self, RequestClarifiedCommand.self, RequestExtendCommand.self,
            RequestSubmitCommand.self, RequestApproveCommand.self, RequestRefuseCommand.self,
            RequestCompleteCommand.self, RequestPackageCommand.self, RequestAssessCommand.self,
            RequestEraseCommand.self, RequestCertificateCommand.self, RequestRestrictCommand.self,
            RequestObjectCommand.self,
            RequestRectifyCommand.self, RequestPortableCommand.self, RequestRemindCommand.self,
            RequestWithholdCommand.self, RequestTieCommand.self,
        ])
}

/// `custos request new`.
struct RequestNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Take in a request made by phone, letter, email or in person.")

    @Option(help: "What is asked: \(RequestKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: RequestKind
    @Option(help: ArgumentHelp("The person the request is about, when known.", valueName: "ID"))
    var subject: String?
    @Option(help: "How it came: \(RequestChannel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var channel: RequestChannel
    @Option(help: ArgumentHelp("The day it was received (default: today).", valueName: "YYYY-MM-DD"))
    var received: CalendarDay?
    @Flag(help: "Staff already know the requester: the clock starts on receipt.")
    var identityShown = false
    @Option(
        help: ArgumentHelp(
            "A fee is charged, and awaited before the clock starts, on this ground: \(FeeCase.allCases.filter(\.isLawfulGround).map(\.rawValue).joined(separator: ", ")); only where the policy's rights.fees lists it.",
            valueName: "GROUND"))
    var fee: FeeCase?
    @Option(
        help: ArgumentHelp("Made on someone's behalf: the requester's relationship to them.", valueName: "relationship")
    )
    var onBehalfAs: String?
    @Option(help: "With --on-behalf-as: the decision on the person's competence to act for themselves.")
    var competence: String?
    @Option(
        help: ArgumentHelp(
            "Who made it: kept sealed with the request, with what follows (request show reads it back).",
            valueName: "NAME"))
    var from: String?
    @Option(help: ArgumentHelp("With --from: an email address to answer to.", valueName: "ADDRESS"))
    var email: String?
    @Option(help: ArgumentHelp("With --from: a telephone number.", valueName: "NUMBER"))
    var phone: String?
    @Option(help: ArgumentHelp("With --from: a postal address.", valueName: "ADDRESS"))
    var address: String?
    @Option(help: "With --from: what they asked, in their words (what is wrong, for a correction).")
    var details: String?
    @Option(
        help: ArgumentHelp(
            "With --from: how their identity was checked; the clock then starts on receipt.", valueName: "HOW"))
    var identityChecked: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let subjectID = try subject.map { text in
            guard let id = UUID(uuidString: text) else {
                throw ValidationError("--subject: '\(text)' is not a subject id")
            }
            return id
        }
        let intake = RequestIntake(
            kind: kind, subjectID: subjectID, channel: channel, receivedOn: received ?? .today,
            identityShown: identityShown, feeGround: fee, onBehalfAs: onBehalfAs, competence: competence)
        guard from != nil || [email, phone, address, details, identityChecked].allSatisfy({ $0 == nil }) else {
            throw ValidationError("--email, --phone, --address, --details and --identity-checked go with --from")
        }
        let requester = from.map { name in
            PublicRequest(
                kind: kind, name: name, email: email, details: details, onBehalf: nil, telephone: phone,
                postalAddress: address, identityCheck: identityChecked)
        }
        let request = try await store.withVault { vault in
            if let requester {
                try await Requests(vault: vault).open(intake, requester: requester, actor: CommandActor.current)
            } else {
                try await Requests(vault: vault).open(intake, actor: CommandActor.current)
            }
        }
        print(RequestText.line(request))
    }
}
