import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// The privacy centre's request form, for people without an account, where the policy takes
/// requests online (`rights.request_channels` lists `web`). A request sent is held until the
/// requester follows the signed link emailed to them (``PrivacyCentreRequests``); the page says
/// the same whatever the address, so the form cannot be used to learn who is on file.
struct RequestFormController {
    let installation: Installation
    let vaults: VaultCache
    /// How confirmation links are sent at once; without it they wait for the outbox's next pass.
    let mail: PrivacyCentreMail?
    private let pages = RequestFormPages()

    init(installation: Installation, vaults: VaultCache, mail: PrivacyCentreMail?) {
        self.installation = installation
        self.vaults = vaults
        self.mail = mail
    }

    /// The form's address in workspace `workspace`.
    static func formPath(workspace: String) -> String {
        "/privacy/\(workspace.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? workspace)/request"
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/privacy/:workspace/request", use: showForm)
        router.post("/privacy/:workspace/request", use: submit)
        router.get("/privacy/:workspace/request/sent", use: sent)
        let confirmPath = RouterPath("/privacy/:workspace/\(PrivacyCentreLinks.path(of: .requestConfirmation))")
        router.get(confirmPath, use: askToConfirm)
        router.post(confirmPath, use: confirm)
    }

    // MARK: The form

    @Sendable func showForm(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let vault = try await vault(context)
        guard vault.policy.rights.requestChannels.contains(.web) else { return offline(vault) }
        return form(vault: vault, PublicRequestForm(kind: "", name: "", email: ""), problems: [])
    }

    /// Where the policy takes no requests online: how to make one instead (the ways it lists, and
    /// the addresses to write to), as a page, never an error.
    private func offline(_ vault: Vault) -> TextResponse {
        let policy = vault.policy
        let contact = policy.rights.contact ?? policy.dpo
        let ways = policy.rights.requestChannels.filter { $0 != .web }.map(\.title)
        var contacts: [RequestOfflinePage.Contact] = []
        if let email = contact?.email ?? policy.controller.email {
            contacts.append(RequestOfflinePage.Contact(label: "Email", value: email, href: "mailto:\(email)"))
        }
        if let phone = contact?.phone ?? policy.controller.phone {
            contacts.append(RequestOfflinePage.Contact(label: "Telephone", value: phone))
        }
        if let address = contact?.address ?? policy.controller.address {
            contacts.append(RequestOfflinePage.Contact(label: "Post", value: address))
        }
        return PublicPages.render(
            RequestOfflinePage(
                title: "How to make a request", organisation: policy.controller.displayName,
                workspace: vault.workspace.name,
                ways: ways.isEmpty
                    ? "in writing"
                    : ways.count == 1 ? ways[0] : ways.dropLast().joined(separator: ", ") + " or " + (ways.last ?? ""),
                contacts: contacts, hasContacts: !contacts.isEmpty,
                kinds: policy.requestKindsOffered.map(\.plainEnglish), deadline: policy.rights.deadline.plainEnglish))
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let vault = try await offering(context)
        let body = try await FormBody.read(request)
        let filled = PublicRequestForm(
            kind: body.value("kind") ?? "", name: body.value("name") ?? "", email: body.value("email") ?? "",
            details: body.value("details") ?? "", forSomeoneElse: body.value("for-someone-else") == "yes",
            relationship: body.value("relationship") ?? "", theirName: body.value("their-name") ?? "",
            competence: body.value("competence") ?? "")
        let asked: PublicRequest
        switch filled.checked(offered: vault.policy.requestKindsOffered) {
        case .failure(let problems):
            return form(vault: vault, filled, problems: problems.list, status: .badRequest)
                .response(from: request, context: context)
        case .success(let checked):
            asked = checked
        }
        guard try await PublicFormLimits.admit(installation, from: context, email: asked.email) else {
            return PublicFormLimits.refusal
        }
        let centre = PrivacyCentreRequests(vault: vault)
        let opened = try await centre.submit(asked, on: .today)
        if let mail, let sender = mail.sender ?? vault.organisationSender {
            do {
                try await centre.sendLinks(
                    using: mail.transport, from: sender, publicURL: mail.publicURL, only: opened.id)
            } catch {
                // Recorded and waiting: the outbox's next pass sends it.
                context.logger.error("request link not sent", metadata: ["error": "\(type(of: error))"])
            }
        }
        // Post, redirect, get: reloading the page does not send the request twice.
        return Response(
            status: .seeOther,
            headers: [.location: Self.formPath(workspace: vault.workspace.name) + "/sent"])
    }

    @Sendable func sent(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let vault = try await offering(context)
        return PublicPages.render(
            RequestSentPage(
                title: "Check your email", organisation: vault.policy.controller.displayName,
                workspace: vault.workspace.name, hours: Int(PrivacyCentreRequests.linkLifetime / 3600)))
    }

    private func form(
        vault: Vault, _ filled: PublicRequestForm, problems: [FormProblem], status: HTTPResponse.Status = .ok
    ) -> TextResponse {
        let policy = vault.policy
        let deadline = policy.rights.deadline.plainEnglish
        let educationalRecord =
            policy.rights.educationalRecord ? " (15 school days for a child's educational record)" : ""
        // Each field's error beside it: the last problem found with it.
        var errors: [String: String] = [:]
        for problem in problems {
            errors[problem.field] = problem.message
        }
        let page = RequestFormPage(
            title: problems.isEmpty ? "Make a request" : "Error: Make a request",
            organisation: policy.controller.displayName, workspace: vault.workspace.name,
            deadline: "We answer within \(deadline) of confirming your request\(educationalRecord).",
            verification: policy.rights.verification,
            kinds: policy.requestKindsOffered.enumerated().map { index, kind in
                RequestFormPage.Kind(
                    id: index == 0 ? "kind" : "kind-\(kind.rawValue)", value: kind.rawValue, label: kind.plainEnglish,
                    checked: filled.kind == kind.rawValue)
            },
            name: filled.name, email: filled.email, details: filled.details, forSomeoneElse: filled.forSomeoneElse,
            relationship: filled.relationship, theirName: filled.theirName, competence: filled.competence,
            hasProblems: !problems.isEmpty, problems: problems.map { PageProblem(field: $0.field, $0.message) },
            kindError: errors["kind"], nameError: errors["name"], emailError: errors["email"],
            detailsError: errors["details"], forSomeoneElseError: errors["for-someone-else"],
            relationshipError: errors["relationship"], theirNameError: errors["their-name"],
            competenceError: errors["competence"])
        return PublicPages.render(page, status: status)
    }

    // MARK: Confirmation

    /// A GET only asks: mail scanners fetch links, and must not confirm anything.
    @Sendable func askToConfirm(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (vault, _) = try await verified(request, context)
        return PublicPages.render(
            RequestConfirmPage(
                title: "Confirm your request", organisation: vault.policy.controller.displayName,
                workspace: vault.workspace.name, token: request.uri.queryParameters["token"].map(String.init) ?? ""))
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (vault, claims) = try await verified(request, context)
        let centre = PrivacyCentreRequests(vault: vault)
        let confirmed: StoredRequest
        do {
            switch try await centre.confirm(claims, on: .today) {
            case .verified(let request), .awaitingStaff(let request), .alreadyConfirmed(let request):
                confirmed = request
            }
        } catch let error as VaultError where error.kind == .notFound {
            return pages.problem(.gone, "This request is no longer held. Please make it again.", vault: vault)
        }
        return PublicPages.render(
            RequestConfirmedPage(
                title: "Your request is confirmed", organisation: vault.policy.controller.displayName,
                workspace: vault.workspace.name, reference: confirmed.reference, forSomeoneElse: confirmed.isOnBehalf,
                // Left out while staff check who the requester is: the page then says so.
                dueOn: confirmed.dueOn?.description))
    }

    // MARK: Helpers

    /// The workspace's vault, where its policy takes requests online; else a 404 for people.
    private func offering(_ context: AppRequestContext) async throws -> Vault {
        let vault = try await vault(context)
        guard vault.policy.rights.requestChannels.contains(.web) else {
            throw HTTPError(
                .notFound,
                message:
                    "\(vault.policy.controller.displayName) does not take requests online. Its privacy notice says how to make one."
            )
        }
        return vault
    }

    private func vault(_ context: AppRequestContext) async throws -> Vault {
        let name = try context.parameters.require("workspace")
        guard let workspace = try await installation.workspace(named: name),
            let vault = try await vaults.vault(workspaceID: workspace.id)
        else { throw HTTPError(.notFound, message: "There is no privacy centre here.") }
        return vault
    }

    /// The vault and the confirmation link's claims, or the 4xx page a person should see.
    private func verified(_ request: Request, _ context: AppRequestContext) async throws -> (Vault, LinkClaims) {
        let vault = try await vault(context)
        guard let token = request.uri.queryParameters["token"], !token.isEmpty else {
            throw PagedError(pages.problem(.badRequest, LinkTokenError.malformed.sentence, vault: vault))
        }
        do {
            return (vault, try vault.links.claims(of: String(token), kind: .requestConfirmation))
        } catch {
            let message =
                error == .expired
                ? "This link has expired. Please make your request again: we will send you a new link."
                : error.sentence
            throw PagedError(pages.problem(error.status, message, vault: vault))
        }
    }
}
