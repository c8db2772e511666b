import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// The cookie banner's script, the endpoint that records each visitor's choice, the page that
/// lists the site's cookies, and an example page showing how a site gates its scripts.
struct CookieController {
    let installation: Installation
    let centre: PrivacyCentreController

    init(installation: Installation, centre: PrivacyCentreController) {
        self.installation = installation
        self.centre = centre
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/privacy/:workspace/cookies.js", use: script)
        router.post("/privacy/:workspace/cookie-consents", use: record)
        router.on("/privacy/:workspace/cookie-consents", method: .options) { _, _ in
            Response(status: .noContent, headers: Self.corsHeaders)
        }
        router.get("/privacy/:workspace/cookies", use: cookies)
        router.get("/privacy/:workspace/cookies/example", use: example)
        router.get("/privacy/:workspace/cookies/example.js", use: exampleScript)
        router.get("/assets/cookies.css") { _, _ in
            TextResponse(body: CookieBannerScript.stylesheet, contentType: "text/css; charset=utf-8")
        }
    }

    /// The banner is served to, and posts from, the organisation's own website: another origin.
    /// The choice carries no personal data and no credentials, so any origin may send it.
    static let corsHeaders: HTTPFields = [
        .accessControlAllowOrigin: "*", .accessControlAllowMethods: "POST", .accessControlAllowHeaders: "Content-Type",
    ]

    @Sendable func script(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, workspace) = try await centre.entryAndWorkspace(context)
        let body = try CookieBannerScript.script(
            register: CookieRegister(policy: entry.policy), organisation: Self.organisation(entry.policy),
            base: "/privacy/\(workspace.name)")
        return Response(
            status: .ok,
            headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, workspace) = try await centre.entryAndWorkspace(context)
        guard
            try await installation.attemptLimits.admit(
                .cookieAnswersPerAddress, for: context.clientAddress ?? "unknown")
        else {
            return Self.error(.tooManyRequests, "too_many_requests", "too many answers from this address; wait a while")
        }
        let choice: CookieChoice
        do {
            // The banner sends text/plain (a "simple" cross-origin request, with no preflight).
            let body = try await request.body.collect(upTo: 16 * 1024)
            choice = try JSONDecoder().decode(CookieChoice.self, from: Data(buffer: body))
        } catch {
            return Self.error(
                .badRequest, "bad_request", "send {\"visitor\", \"accepted\", \"registerFingerprint\"} as JSON")
        }
        let consents = installation.cookieConsents(
            workspace: workspace, policy: entry.policy, policyVersion: entry.versionNumber)
        do {
            let record = try await consents.record(
                visitor: choice.visitor, accepted: choice.accepted, fingerprint: choice.registerFingerprint)
            var headers = Self.corsHeaders
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(
                status: .created, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"\#(record.id.uuidString.lowercased())"}"#)))
        } catch let refusal as CookieConsents.Refusal {
            switch refusal {
            case .staleRegister: return Self.error(.conflict, "stale_register", refusal.description)
            case .unknownCategory: return Self.error(.badRequest, "bad_request", refusal.description)
            }
        }
    }

    @Sendable func cookies(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (entry, workspace) = try await centre.entryAndWorkspace(context)
        let register = CookieRegister(policy: entry.policy)
        let asking = register.categoriesNeedingConsent
        let categories = CookieCategory.allCases.compactMap { category -> CookiesPage.Category? in
            let cookies = register.cookies(in: category)
            guard !cookies.isEmpty else { return nil }
            return CookiesPage.Category(
                title: category.title, asks: asking.contains(category),
                cookies: cookies.map {
                    CookiesPage.Cookie(
                        name: $0.name, party: $0.party == .first ? "This site" : "Another organisation",
                        provider: $0.provider, purpose: $0.purpose, expiry: $0.expiry)
                })
        }
        return PublicPages.render(
            CookiesPage(
                organisation: Self.organisation(entry.policy), workspace: workspace.name,
                asksAnything: !asking.isEmpty, categories: categories))
    }

    @Sendable func example(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (entry, workspace) = try await centre.entryAndWorkspace(context)
        let register = CookieRegister(policy: entry.policy)
        let gated = register.categoriesNeedingConsent.map { category -> CookiesExamplePage.Gated in
            let names = register.cookies(in: category).filter { !$0.isExemptFromConsent }.map(\.name)
            return CookiesExamplePage.Gated(
                category: category.rawValue, title: category.title, cookies: names.joined(separator: ", "))
        }
        return PublicPages.render(
            CookiesExamplePage(organisation: Self.organisation(entry.policy), workspace: workspace.name, gated: gated))
    }

    /// Stands in for an analytics or advertising tag on the example page: sets each cookie of the
    /// category that waits for consent, as the real tags would.
    @Sendable func exampleScript(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let entry = try await centre.entry(context)
        let register = CookieRegister(policy: entry.policy)
        guard let name = request.uri.queryParameters["category"].map(String.init),
            let category = CookieCategory(rawValue: name)
        else { throw HTTPError(.notFound) }
        let names = register.cookies(in: category).filter { !$0.isExemptFromConsent }.map(\.name)
            .filter { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }
        guard !names.isEmpty else { throw HTTPError(.notFound) }
        return TextResponse(
            body: names.map { #"document.cookie = "\#($0)=example; path=/; SameSite=Lax";"# }.joined(separator: "\n"),
            contentType: "text/javascript; charset=utf-8")
    }

    static func organisation(_ policy: Policy) -> String {
        policy.controller.shortName ?? policy.controller.name ?? "this organisation"
    }

    static func error(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        var headers = corsHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        let body = try? JSONEncoder().encode(ErrorDocument(error: .init(code: code, message: message, problems: nil)))
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: body ?? Data())))
    }

}
