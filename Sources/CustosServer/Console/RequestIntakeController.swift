import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/requests/new`: a request received by email, phone, letter or in person, logged with
/// who made it, how to reach them, whom it is for, what they asked and how their identity was
/// checked. It goes through ``Requests/open(_:requester:actor:at:)`` as `custos request new
/// --from` does; the request's page follows.
struct RequestIntakeController: Sendable {
    let pages: ConsolePages

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let form = ConsoleForm(
            Self.fields(user.vault.policy),
            values: ["received": [CalendarDay.today.iso], "for": ["self"], "identity": ["not-yet"]])
        return pages.render(Self.page(form), frame: frame(user, context))
    }

    @Sendable func create(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let policy = user.vault.policy
        var form = ConsoleForm(Self.fields(policy), reading: try await FormBody.read(request))
        let kind = form.choice("kind", RequestKind.self, "Choose what the person asks for")
        let channel = form.choice("channel", RequestChannel.self, "Choose how the request came")
        let received = form.day("received", label: "The day it was received", empty: nil)
        if form.text("received") == nil { form.fail("received", "Enter the day it was received") }
        let name = form.required("name", "Enter the requester's name")
        let onBehalf = form.text("for") == "other"
        var party: PublicRequest.OnBehalf?
        if onBehalf {
            let relationship = form.required("relationship", "Enter the requester's relationship to the person")
            let theirName = form.required("their-name", "Enter the name of the person the request is for")
            let competence = form.required(
                "competence", "Record the decision on whether the person could make the request themselves")
            if let relationship, let theirName, let competence {
                party = .init(relationship: relationship, theirName: theirName, competence: competence)
            }
        }
        var identityCheck: String?
        if form.text("identity") == "checked" {
            identityCheck = form.required("identity-how", "Say how the requester's identity was checked")
        }
        let fee = form.choice("fee", FeeCase.self, "Choose a ground for the fee", optional: true)
        guard form.isValid, let kind, let channel, let received, let name else {
            return pages.render(Self.page(form), frame: frame(user, context), status: .badRequest)
        }
        let intake = RequestIntake(
            kind: kind, subjectID: nil, channel: channel, receivedOn: received, feeGround: fee,
            onBehalfAs: party?.relationship, competence: party?.competence)
        let requester = PublicRequest(
            kind: kind, name: name, email: form.text("email"), details: form.text("details"), onBehalf: party,
            telephone: form.text("telephone"), postalAddress: form.text("address"), identityCheck: identityCheck)
        let opened: StoredRequest
        do {
            opened = try await Requests(vault: user.vault).open(intake, requester: requester, actor: user.actor)
        } catch let error as VaultError {
            form.refused(
                error,
                names: ["on behalf as": "relationship", "fee": "fee", "kind": "kind", "identity check": "identity-how"])
            return pages.render(Self.page(form), frame: frame(user, context), status: .badRequest)
        }
        return SignInController.redirect(RequestsController.link(opened.id) + "?done=received")
    }

    private func frame(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: "Log a request", current: "/console/requests", user: user, context: context)
    }

    private static func page(_ form: ConsoleForm) -> FormPage {
        form.page(
            heading: "Log a request", action: "/console/requests/new", submit: "Log the request",
            lede:
                "For a request that came by email, phone, letter or in person. What the requester gave is kept sealed with the request; the legal clock starts on the day it was received once their identity is checked.",
            back: "/console/requests")
    }

    /// The questions, from the policy: the fee question only where it lists a lawful ground.
    static func fields(_ policy: Policy) -> [FormField] {
        var fields = [
            FormField(
                "kind", "What do they ask for?", kind: .radios,
                options: RequestKind.allCases.filter { $0 != .educationalRecord || policy.rights.educationalRecord }
                    .map { FormField.Option($0.rawValue, $0.plainEnglish, hint: $0.reference) }),
            FormField(
                "channel", "How did it come?", kind: .radios,
                options: RequestChannel.allCases.filter { $0 != .web }.map {
                    FormField.Option($0.rawValue, PageText.label($0.title))
                }),
            FormField(
                "received", "The day it was received", kind: .date,
                hint: "A request counts from the day it arrives, even on a weekend or a holiday."),
            FormField("name", "The requester's full name"),
            FormField("email", "Their email address", kind: .email, optional: true),
            FormField("telephone", "Their telephone number", kind: .telephone, optional: true),
            FormField("address", "Their postal address", kind: .longText, optional: true),
            FormField(
                "details", "What they ask, in their words", kind: .longText,
                hint:
                    "For a correction, what is wrong and what it should say; for an objection, the use they object to.",
                optional: true),
            FormField(
                "for", "Whom is the request about?", kind: .radios,
                options: [
                    .init("self", "The requester themselves"),
                    .init("other", "Someone else, on whose behalf they ask", hint: "A parent for a child, say."),
                ]),
            FormField(
                "relationship", "Their relationship to the person", hint: "Only if they ask for someone else.",
                optional: true),
            FormField(
                "their-name", "The person's full name", hint: "Only if they ask for someone else.", optional: true),
            FormField(
                "competence", "Could the person make the request themselves?", kind: .longText,
                hint:
                    "Only if they ask for someone else. A child of about 12 or over can usually act for themselves; record the decision and why.",
                optional: true),
            FormField(
                "identity", "Have you checked who the requester is?", kind: .radios,
                options: [
                    .init("checked", "Yes", hint: "The clock starts on the day the request was received."),
                    .init("not-yet", "Not yet", hint: "The clock starts when their identity is recorded as verified."),
                ]),
            FormField(
                "identity-how", "How was it checked?",
                hint:
                    "For example: known to the school office; photo ID seen at reception; call back on the number on file.",
                optional: true),
        ]
        let grounds = policy.rights.fees.filter(\.isLawfulGround)
        if !grounds.isEmpty {
            fields.append(
                FormField(
                    "fee", "Is a fee charged?", kind: .radios,
                    hint: "Only where the law allows one; the clock then waits for the fee.",
                    options: [.init("", "No fee")]
                        + grounds.map { .init($0.rawValue, ConsoleForm.sentence($0.plainEnglish)) },
                    optional: true))
        }
        return fields
    }
}
