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
        var values = Self.values(next: ConsoleSignInGate.safeReturn(request.uri.queryParameters.get("next")))
        if request.uri.queryParameters.get("signed-out") != nil {
            values["notice"] = "You have signed out."
        }
        return pages.render(.signIn, values)
    }

    @Sendable func signIn(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let body = try await FormBody.read(request)
        let email = body.value("email")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let password = body.value("password") ?? ""
        let next = ConsoleSignInGate.safeReturn(body.value("next"))
        var values = Self.values(next: next)
        values["email"] = email
        var problems: [[String: String]] = []
        if email.isEmpty {
            problems.append(["field": "email", "message": "Enter your email address"])
            values["emailError"] = "Enter your email address"
        }
        if password.isEmpty {
            problems.append(["field": "password", "message": "Enter your password"])
            values["passwordError"] = "Enter your password"
        }
        guard problems.isEmpty else { return refuse(values, problems, status: .badRequest) }
        guard try await limits.admit(.signInPerAddress, for: context.clientAddress ?? "unknown") else {
            let message = "Too many sign-in attempts from your network. Wait ten minutes and try again."
            return refuse(values, [["message": message]], status: .tooManyRequests)
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
            values["emailError"] = message
            return refuse(values, [["field": "email", "message": message]], status: .unauthorized)
        case .disabled:
            let message = "This account has been disabled. Ask your data protection officer or an administrator."
            return refuse(values, [["message": message]], status: .forbidden)
        }
    }

    private func refuse(
        _ values: [String: Any], _ problems: [[String: String]], status: HTTPResponse.Status
    ) -> Response {
        var values = values
        values["title"] = "Error: Sign in"
        values["hasProblems"] = true
        values["problems"] = problems
        return pages.render(.signIn, values, status: status)
    }

    private static func values(next: String?) -> [String: Any] {
        var values: [String: Any] = ["title": "Sign in"]
        values["next"] = next
        return values
    }

    /// `?next=…` for a page to return to, or nothing.
    static func query(next: String?) -> String {
        next.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
