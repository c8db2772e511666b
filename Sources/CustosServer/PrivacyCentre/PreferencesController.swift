import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// The pages people reach from links in messages, without an account: the one-click
/// unsubscribe (RFC 8058), the preferences page (a signed link that expires) and the open
/// pixel (only where the policy declares tracking). Each checks its token first; a bad one gets
/// a 4xx page saying what to do, and changes nothing.
struct PreferencesController {
    let installation: Installation
    let vaults: VaultCache
    private let pages = PreferencesPages()

    init(installation: Installation, vaults: VaultCache) {
        self.installation = installation
        self.vaults = vaults
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let unsubscribePath = RouterPath("/privacy/:workspace/\(PrivacyCentreLinks.path(of: .unsubscribe))")
        let preferencesPath = RouterPath("/privacy/:workspace/\(PrivacyCentreLinks.path(of: .preferences))")
        router.get(unsubscribePath, use: confirmUnsubscribe)
        router.post(unsubscribePath, use: unsubscribe)
        router.get(preferencesPath, use: showPreferences)
        router.post(preferencesPath, use: changePreferences)
        router.get(RouterPath("/privacy/:workspace/\(PrivacyCentreLinks.path(of: .open))"), use: opened)
    }

    // MARK: Unsubscribe

    /// A GET only asks: mail scanners fetch links, and must not unsubscribe anyone.
    @Sendable func confirmUnsubscribe(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (vault, claims) = try await verified(request, context, kind: .unsubscribe)
        return PublicPages.render(
            UnsubscribePage(
                organisation: vault.policy.controller.displayName, workspace: vault.workspace.name,
                what: describe(claims, in: vault.policy), token: token(request)))
    }

    /// The one-click POST (from a mail program, body `List-Unsubscribe=One-Click`) or the page's button.
    @Sendable func unsubscribe(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (vault, claims) = try await verified(request, context, kind: .unsubscribe)
        do {
            try await Outbox(vault: vault).unsubscribe(claims)
        } catch let error as VaultError where error.kind == .invalid {
            return pages.problem(.badRequest, "This unsubscribe link no longer matches what we send.", vault: vault)
        }
        return PublicPages.render(
            UnsubscribedPage(
                organisation: vault.policy.controller.displayName, workspace: vault.workspace.name,
                what: describe(claims, in: vault.policy)))
    }

    // MARK: Preferences

    @Sendable func showPreferences(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (vault, claims) = try await verified(request, context, kind: .preferences)
        return try await preferencesPage(vault: vault, claims: claims, token: token(request), saved: false, error: nil)
    }

    @Sendable func changePreferences(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (vault, claims) = try await verified(request, context, kind: .preferences)
        let form = try await FormBody.read(request)
        let contacts = Contacts(vault: vault)
        guard let person = claims.subjectID else { throw HTTPError(.badRequest) }
        let subjectID = try await contacts.current(person)
        guard try await !contacts.facts(of: subjectID).isGone else {
            return pages.problem(.gone, "We no longer hold your details, so we will not contact you.", vault: vault)
        }
        do {
            if form.value("everything") == "stop" {
                try await contacts.optOutOfMarketing(
                    subject: subjectID, source: .preferencesPage, actor: "subject")
            } else {
                let wanted = Set(form.values("subscribe"))
                var choices: [PreferenceChoice] = []
                for line in Set(form.values("shown")).union(wanted).sorted() {
                    choices.append(try PreferenceLine.choice(line, subscribed: wanted.contains(line)))
                }
                try await contacts.setPreferences(
                    choices, subject: subjectID, source: .preferencesPage, actor: "subject")
            }
        } catch let error as PreferenceLine.Invalid {
            return try await preferencesPage(
                vault: vault, claims: claims, token: token(request), saved: false, error: error.message,
                status: .badRequest)
        } catch let error as VaultError where error.kind == .invalid {
            return try await preferencesPage(
                vault: vault, claims: claims, token: token(request), saved: false, error: error.message,
                status: .badRequest)
        }
        return try await preferencesPage(vault: vault, claims: claims, token: token(request), saved: true, error: nil)
    }

    private func preferencesPage(
        vault: Vault, claims: LinkClaims, token: String, saved: Bool, error: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> TextResponse {
        let lines: [(choice: PreferenceChoice, reason: ContactReason)]
        guard let person = claims.subjectID else { throw HTTPError(.badRequest) }
        do {
            let contacts = Contacts(vault: vault)
            lines = try await contacts.preferences(of: try await contacts.current(person))
        } catch let error as VaultError where error.kind == .notFound {
            return pages.problem(.gone, "We no longer hold your details, so we will not contact you.", vault: vault)
        }
        if lines.isEmpty || lines.allSatisfy({ $0.reason == .gone }) {
            return pages.problem(.gone, "We no longer hold your details, so we will not contact you.", vault: vault)
        }
        let purposes = Dictionary(grouping: lines, by: \.choice.purpose)
        let groups = vault.policy.purposes.compactMap { purpose -> PreferencesPage.Group? in
            guard let lines = purposes[purpose.id] else { return nil }
            return PreferencesPage.Group(
                name: purpose.name, description: purpose.description.flatMap { $0.isEmpty ? nil : $0 },
                lines: lines.map { line -> PreferencesPage.Line in
                    let list = purpose.marketing?.lists.first { $0.id == line.choice.list }
                    return PreferencesPage.Line(
                        id: PreferenceLine.id(line.choice), list: list?.name ?? purpose.name,
                        channel: Self.channelName(line.choice.channel), checked: line.choice.subscribed,
                        note: Self.note(line.reason))
                })
        }
        return PublicPages.render(
            PreferencesPage(
                organisation: vault.policy.controller.displayName, workspace: vault.workspace.name, token: token,
                groups: groups, saved: saved, error: error ?? "", hasError: error != nil),
            status: status)
    }

    // MARK: Open pixel

    @Sendable func opened(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (vault, claims) = try await verified(request, context, kind: .open)
        // Tracked and opened before: the pixel again. Not tracked: nothing here.
        guard try await Outbox(vault: vault).recordOpen(claims) != .notTracked else { throw HTTPError(.notFound) }
        return Response(
            status: .ok, headers: [.contentType: "image/gif", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.pixel)))
    }

    /// A transparent 1×1 GIF.
    static let pixel: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF,
        0xFF, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
        0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    // MARK: Helpers

    private func token(_ request: Request) -> String { request.uri.queryParameters["token"].map(String.init) ?? "" }

    /// The workspace's vault and the token's claims, or the 4xx a person should see.
    private func verified(
        _ request: Request, _ context: AppRequestContext, kind: LinkKind
    ) async throws -> (Vault, LinkClaims) {
        let name = try context.parameters.require("workspace")
        guard let workspace = try await installation.workspace(named: name),
            let vault = try await vaults.vault(workspaceID: workspace.id)
        else { throw HTTPError(.notFound, message: "There is no privacy centre here.") }
        guard let token = request.uri.queryParameters["token"], !token.isEmpty else {
            throw PagedError(pages.problem(.badRequest, LinkTokenError.malformed.description, vault: vault))
        }
        do {
            return (vault, try vault.links.claims(of: String(token), kind: kind))
        } catch {
            throw PagedError(pages.problem(error.status, error.sentence, vault: vault))
        }
    }

    private func describe(_ claims: LinkClaims, in policy: Policy) -> String {
        guard let purpose = claims.purpose.flatMap(policy.purpose) else { return "our marketing emails" }
        if let list = purpose.marketing?.lists.first(where: { $0.id == claims.list }) { return "the \(list.name)" }
        return purpose.name
    }

    static func channelName(_ channel: MarketingChannel) -> String {
        switch channel {
        case .email: "By email"
        case .sms: "By text message"
        case .phone: "By telephone"
        case .post: "By post"
        case .fax: "By fax"
        }
    }

    /// Why a line is as it is, where the person would not guess.
    static func note(_ reason: ContactReason) -> String? {
        switch reason {
        case .suppressed: "You asked us to stop all marketing. Tick to start again."
        case .restricted: "Paused while your request about your data is dealt with."
        case .objected: "Stopped because you objected."
        case .softOptIn: "Sent because you are a customer; untick to stop."
        default: nil
        }
    }
}
