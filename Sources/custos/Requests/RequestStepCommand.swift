import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// What every step on a request takes: its id, the day (default today) and the reason.
struct RequestStepOptions: ParsableArguments {
    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD"))
    var on: CalendarDay?
    @Option(help: "Why (required to extend, approve or refuse).") var reason: String?
    @OptionGroup var store: StoreOptions

    func record(_ action: RequestEvent.Action) async throws {
        let done = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Requests(vault: vault).record(
                action, request: id, on: on ?? .today, reason: reason, actor: CommandActor.current)
        }
        print(RequestText.line(done))
    }
}

/// `custos request verify`.
struct RequestVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Record that the requester's identity was shown: the clock starts.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.verified) }
}

/// `custos request fee`.
struct RequestFeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee", abstract: "Record that an awaited, lawful fee was paid.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.feeReceived) }
}

/// `custos request ask`.
struct RequestAskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Record that the person was asked to clarify: the clock stops.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.clarificationAsked) }
}

/// `custos request clarified`.
struct RequestClarifiedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clarified", abstract: "Record that the clarification arrived: the clock runs again.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.clarificationReceived) }
}

/// `custos request extend`.
struct RequestExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Extend by two months, with the reason told to the person in the first month.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.extended) }
}

/// `custos request submit`.
struct RequestSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit the answer for the DPO's approval.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.submittedForApproval) }
}

/// `custos request approve`.
struct RequestApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve, as DPO, an answer submitted for approval.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.approved) }
}

/// `custos request refuse`.
struct RequestRefuseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refuse",
        abstract: "Refuse, with the reasons; the person is told of their rights to complain to the ICO and to a court.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.refused) }
}

/// `custos request complete`.
struct RequestCompleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Record the request answered.")
    @OptionGroup var step: RequestStepOptions
    func run() async throws { try await step.record(.completed) }
}
