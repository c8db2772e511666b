import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// The privacy centre's registration form, where the policy offers one (`registration`; BEP's CPD
/// Online). The form is made from the record type, checked by its validator, and warns against
/// a shared address; what is given is held until the person follows the link emailed to them
/// (``PrivacyCentreRegistrations``), then kept as their record, and their school's lead users are
/// told. The "check your email" page is the same whatever was given.
struct RegistrationController {
    let installation: Installation
    let vaults: VaultCache
    /// How links and lead emails are sent at once; without it they wait for the outbox's next pass.
    let mail: PrivacyCentreMail?
    private let pages = RegistrationPages()

    init(installation: Installation, vaults: VaultCache, mail: PrivacyCentreMail?) {
        self.installation = installation
        self.vaults = vaults
        self.mail = mail
    }

    /// The form's address in workspace `workspace`.
    static func formPath(workspace: String) -> String {
        "/privacy/\(workspace.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? workspace)/register"
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/privacy/:workspace/register", use: showForm)
        router.post("/privacy/:workspace/register", use: submit)
        router.get("/privacy/:workspace/register/sent", use: sent)
        let confirmPath = RouterPath("/privacy/:workspace/\(PrivacyCentreLinks.path(of: .registrationConfirmation))")
        router.get(confirmPath, use: askToConfirm)
        router.post(confirmPath, use: confirm)
    }

    // MARK: The form

    @Sendable func showForm(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let registrations = try await offering(context)
        return try await form(registrations, given: [:], chosen: [], problems: [], sharedAddress: nil)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let registrations = try await offering(context)
        let body = try await FormBody.read(request)
        let recordType = registrations.recordType
        var given: [String: String] = [:]
        for field in recordType.fields { given[field.name] = body.value(field.name) ?? "" }
        let chosen = CollectionChoice.made(
            body.values("choice"), among: CollectionChoice.choices(for: recordType, in: registrations.vault.policy))
        var problems = RecordValidator(recordType: recordType).validate(given).problems.filter { !$0.isWarning }
        problems += try await schoolProblems(given, registrations)
        var sharedAddress: String?
        if let field = recordType.ownEmailField, let email = given[field.name], body.value("shared-address") != "mine",
            !problems.contains(where: { $0.field == field.name }), let warning = SharedAddress.warning(for: email)
        {
            sharedAddress = warning.prefix(1).uppercased() + warning.dropFirst()
            problems.append(
                FieldProblem(
                    field: "shared-address",
                    message: "Use an address only you read, or tick to say that only you read this one"))
        }
        guard problems.isEmpty else {
            return try await form(
                registrations, given: given, chosen: chosen, problems: problems, sharedAddress: sharedAddress
            )
            .response(from: request, context: context)
        }
        let email = recordType.ownEmailField.flatMap { given[$0.name] }
        guard try await PublicFormLimits.admit(installation, from: context, email: email) else {
            return PublicFormLimits.refusal
        }
        let id = try await registrations.submit(given, choices: chosen)
        if let mail, let sender = mail.sender ?? registrations.vault.organisationSender {
            do {
                try await registrations.sendLinks(
                    using: mail.transport, from: sender, publicURL: mail.publicURL, only: id)
            } catch {
                // Held and waiting: the outbox's next pass sends it.
                context.logger.error("registration link not sent", metadata: ["error": "\(type(of: error))"])
            }
        }
        // Post, redirect, get: reloading the page does not register twice.
        return Response(
            status: .seeOther,
            headers: [.location: Self.formPath(workspace: registrations.vault.workspace.name) + "/sent"])
    }

    @Sendable func sent(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let registrations = try await offering(context)
        return PublicPages.render(
            RegistrationSentPage(
                title: "Check your email", organisation: registrations.vault.policy.controller.displayName,
                workspace: registrations.vault.workspace.name,
                hours: Int(PrivacyCentreRegistrations.linkLifetime / 3600)))
    }

    /// Where the organisation has schools on file, a registration names one of them.
    private func schoolProblems(
        _ given: [String: String], _ registrations: PrivacyCentreRegistrations
    ) async throws -> [FieldProblem] {
        let schools = try await schools(registrations)
        guard !schools.isEmpty else { return [] }
        return registrations.recordType.fields.compactMap { field in
            guard field.format == .urn, let urn = given[field.name], !urn.isEmpty,
                !schools.contains(where: { $0.urn == urn })
            else { return nil }
            return FieldProblem(
                field: field.name, message: "is not one of the schools listed: choose yours from the list")
        }
    }

    private func schools(_ registrations: PrivacyCentreRegistrations) async throws -> [School] {
        guard registrations.recordType.fields.contains(where: { $0.format == .urn }) else { return [] }
        return try await registrations.vault.schools().filter { $0.urn != nil }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    private func form(
        _ registrations: PrivacyCentreRegistrations, given: [String: String], chosen: [CollectionChoice],
        problems: [FieldProblem], sharedAddress: String?
    ) async throws -> TextResponse {
        let type = registrations.recordType
        let form = RecordForm(recordType: type, policy: registrations.vault.policy)
        var view = RecordFormView(form: form, given: given, problems: problems, ownDetails: true)
        view.schools = try await schools(registrations)
        var summary = view.summary
        if let index = problems.firstIndex(where: { $0.field == "shared-address" }) {
            summary[index] = PageProblem(field: "f-shared-address", problems[index].message)
        }
        // Each purpose resting on the person's say is its own box, unticked until they tick it.
        let offered = CollectionChoice.choices(for: type, in: registrations.vault.policy)
        let choices = offered.map { choice -> RegistrationFormPage.Choice in
            let id = "f-choice-\(choice.purpose)"
            return RegistrationFormPage.Choice(
                id: id, value: choice.value, label: choice.label, hint: choice.hint, hintID: "\(id)-hint",
                checked: chosen.contains(choice))
        }
        let page = RegistrationFormPage(
            title: (problems.isEmpty ? "" : "Error: ") + "Register",
            organisation: registrations.vault.policy.controller.displayName,
            workspace: registrations.vault.workspace.name, tellsLeads: registrations.settings.tellSchoolLeads != nil,
            hasProblems: !problems.isEmpty, problems: summary, typeName: type.name, typeDescription: type.description,
            fields: view.fields, choices: choices, sharedAddress: sharedAddress)
        return PublicPages.render(page, status: problems.isEmpty ? .ok : .badRequest)
    }

    // MARK: Confirmation

    /// A GET only asks: mail scanners fetch links, and must not confirm anything.
    @Sendable func askToConfirm(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (registrations, _) = try await verified(request, context)
        return PublicPages.render(
            RegistrationConfirmPage(
                title: "Finish registering", organisation: registrations.vault.policy.controller.displayName,
                workspace: registrations.vault.workspace.name,
                token: request.uri.queryParameters["token"].map(String.init) ?? ""))
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (registrations, claims) = try await verified(request, context)
        let outcome: PrivacyCentreRegistrations.Confirmation
        do {
            outcome = try await registrations.confirm(claims)
        } catch let error as VaultError where error.kind == .notFound {
            return pages.problem(
                .gone,
                "This registration is finished already, or its link has expired. If you are not registered, please register again.",
                registrations: registrations)
        }
        switch outcome {
        case .registered, .alreadyConfirmed:
            if let mail, let sender = mail.sender ?? registrations.vault.organisationSender {
                do {
                    try await registrations.tellSchoolLeads(
                        using: mail.transport, from: sender, publicURL: mail.publicURL)
                } catch {
                    // Waiting: the outbox's next pass tells them.
                    context.logger.error("school leads not told", metadata: ["error": "\(type(of: error))"])
                }
            }
            return PublicPages.render(
                RegisteredPage(
                    title: "You are registered", organisation: registrations.vault.policy.controller.displayName,
                    workspace: registrations.vault.workspace.name,
                    tellsLeads: registrations.settings.tellSchoolLeads != nil))
        case .suppressed:
            let contact = registrations.vault.policy.controller.email.map { " at \($0)" } ?? ""
            return pages.problem(
                .conflict,
                "We cannot register this address. Please contact \(registrations.vault.policy.controller.displayName)\(contact).",
                registrations: registrations)
        }
    }

    // MARK: Helpers

    /// Registration in the named workspace, where its policy offers it; else a 404 for people.
    private func offering(_ context: AppRequestContext) async throws -> PrivacyCentreRegistrations {
        let name = try context.parameters.require("workspace")
        guard let workspace = try await installation.workspace(named: name),
            let vault = try await vaults.vault(workspaceID: workspace.id)
        else { throw HTTPError(.notFound, message: "There is no privacy centre here.") }
        guard let registrations = PrivacyCentreRegistrations(vault: vault) else {
            throw HTTPError(
                .notFound, message: "\(vault.policy.controller.displayName) does not take registrations here.")
        }
        return registrations
    }

    /// Registration and the link's claims, or the 4xx page a person should see.
    private func verified(
        _ request: Request, _ context: AppRequestContext
    ) async throws -> (PrivacyCentreRegistrations, LinkClaims) {
        let registrations = try await offering(context)
        guard let token = request.uri.queryParameters["token"], !token.isEmpty else {
            throw PagedError(
                pages.problem(.badRequest, LinkTokenError.malformed.sentence, registrations: registrations))
        }
        do {
            return (
                registrations,
                try registrations.vault.links.claims(of: String(token), kind: .registrationConfirmation)
            )
        } catch {
            let message =
                error == .expired
                ? "This link has expired. Please register again: we will send you a new link." : error.sentence
            throw PagedError(pages.problem(error.status, message, registrations: registrations))
        }
    }
}
