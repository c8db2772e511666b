import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/sign-in`: the sign-in form and its answer, which starts a session.
struct SignInController: Sendable {
    let users: StaffUsers
    let vaults: VaultCache
    let pages: ConsolePages
    /// Sign-ins per client address, counted in the database (so across servers).
    let limits: AttemptLimits

    func addRoutes(to group: RouterGroup<ConsoleRequestContext>) {
        group.get("sign-in", use: form)
        group.post("sign-in", use: signIn)
    }

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        if context.identity != nil { return Self.redirect("/console") }
        var page = SignInPage(next: ConsoleSignInGate.safeReturn(request.uri.queryParameters.get("next")))
        if request.uri.queryParameters.get("signed-out") != nil {
            page.notice = "You have signed out."
        }
        return pages.render(page, frame: ConsoleFrame(title: "Sign in"))
    }

    @Sendable func signIn(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let body = try await FormBody.read(request)
        let email = body.value("email")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let password = body.value("password") ?? ""
        let next = ConsoleSignInGate.safeReturn(body.value("next"))
        var page = SignInPage(next: next, email: email)
        if email.isEmpty {
            page.problems.append(PageProblem(field: "email", "Enter your email address"))
            page.emailError = "Enter your email address"
        }
        if password.isEmpty {
            page.problems.append(PageProblem(field: "password", "Enter your password"))
            page.passwordError = "Enter your password"
        }
        guard page.problems.isEmpty else { return refuse(page, status: .badRequest) }
        guard try await limits.admit(.signInPerAddress, for: context.clientAddress ?? "unknown") else {
            let message = "Too many sign-in attempts from your network. Wait ten minutes and try again."
            page.problems = [PageProblem(message)]
            return refuse(page, status: .tooManyRequests)
        }
        switch try await users.signIn(email: email, password: password) {
        case .signedIn(let account):
            guard let vault = try await vaults.vault(workspaceID: account.workspaceID) else {
                throw HTTPError(.notFound)
            }
            let stage: ConsoleSession.Stage =
                account.totpSealed != nil
                ? .awaitingCode : vault.policy.requiresSecondFactor(account.role) ? .mustEnrol : .signedIn
            context.sessions.createSession(
                ConsoleSession(userID: account.id, epoch: account.sessionEpoch, stage: stage),
                expiresIn: stage == .signedIn ? ConsoleSession.lifetime : ConsoleSession.secondStepTime)
            switch stage {
            case .signedIn: return Self.redirect(next ?? "/console")
            case .awaitingCode: return Self.redirect("/console/sign-in/code" + Self.query(next: next))
            case .mustEnrol: return Self.redirect("/console/sign-in/enrol")
            }
        case .wrongDetails, .locked:
            // One answer for both: a locked account is not told from a wrong password, which would
            // show that the account exists.
            let message =
                "Enter a correct email address and password. After \(StaffUsers.failuresBeforeLock) wrong attempts in a row an account is locked for \(Int(StaffUsers.lockDuration / 60)) minutes."
            page.emailError = message
            page.problems = [PageProblem(field: "email", message)]
            return refuse(page, status: .unauthorized)
        case .disabled:
            let message = "This account has been disabled. Ask your data protection officer or an administrator."
            page.problems = [PageProblem(message)]
            return refuse(page, status: .forbidden)
        }
    }

    /// The form again, with its problems (which title it "Error: Sign in").
    private func refuse(_ page: SignInPage, status: HTTPResponse.Status) -> Response {
        pages.render(page, frame: ConsoleFrame(title: "Sign in"), status: status)
    }

    /// `?next=…` for a page to return to, or nothing.
    static func query(next: String?) -> String {
        next.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
