import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/sign-in/code` and `/console/sign-in/enrol`: the second step of signing in (a code
/// from the user's authenticator app), and setting an app up, which a role the policy names must
/// do before its first sign-in and anyone else may choose to do.
struct SecondFactorController: Sendable {
    let installation: Installation
    let vaults: VaultCache
    let hashing: PasswordHashing
    let pages: ConsolePages

    func addRoutes(to group: RouterGroup<ConsoleRequestContext>) {
        group.get("sign-in/code", use: codeForm)
        group.post("sign-in/code", use: code)
        group.get("sign-in/enrol", use: enrolForm)
        group.post("sign-in/enrol", use: enrol)
    }

    @Sendable func codeForm(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        guard let (session, _, _) = try await pending(context, stage: .awaitingCode) else {
            return SignInController.redirect("/console/sign-in")
        }
        let page = CodePage(next: ConsoleSignInGate.safeReturn(request.uri.queryParameters.get("next")))
        return pages.render(page, frame: Self.frame(title: "Enter your code", session: session))
    }

    @Sendable func code(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        guard let (session, account, vault) = try await pending(context, stage: .awaitingCode) else {
            return SignInController.redirect("/console/sign-in")
        }
        let body = try await FormBody.read(request)
        let next = ConsoleSignInGate.safeReturn(body.value("next"))
        var page = CodePage(next: next)
        switch try await SecondFactors(vault: vault, hashing: hashing).verify(account, code: body.value("code") ?? "") {
        case .accepted(let account):
            startSession(for: account, context: context)
            return SignInController.redirect(next ?? "/console")
        case .wrongCode:
            let message = "Enter the code your app shows now"
            page.codeError = message
            page.problems = [PageProblem(field: "code", message)]
            return pages.render(
                page, frame: Self.frame(title: "Enter your code", session: session), status: .unauthorized)
        case .locked(let until):
            context.sessions.clearSession()
            let message =
                "This account is locked after \(StaffUsers.failuresBeforeLock) wrong codes or passwords in a row. Try again after \(PageText.time(until)), or ask your data protection officer or an administrator to unlock it."
            let signIn = SignInPage(next: nil, problems: [PageProblem(message)])
            return pages.render(signIn, frame: ConsoleFrame(title: "Sign in"), status: .tooManyRequests)
        }
    }

    @Sendable func enrolForm(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        guard let (session, account, vault) = try await enrolling(context) else {
            return SignInController.redirect("/console/sign-in")
        }
        let factors = SecondFactors(vault: vault, hashing: hashing)
        let secret = SecondFactors.newSecret()
        var updated = session
        updated.pendingSecret = try factors.sealPending(secret, for: account)
        _ = context.sessions.updateSession(updated)
        return pages.render(
            enrolPage(updated, account: account, vault: vault, secret: secret), frame: Self.enrolFrame(updated))
    }

    @Sendable func enrol(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        guard let (session, account, vault) = try await enrolling(context) else {
            return SignInController.redirect("/console/sign-in")
        }
        let factors = SecondFactors(vault: vault, hashing: hashing)
        guard let sealed = session.pendingSecret, let secret = factors.openPending(sealed, for: account) else {
            return SignInController.redirect("/console/sign-in/enrol")
        }
        let body = try await FormBody.read(request)
        guard let enrolled = try await factors.enrol(account, secret: secret, code: body.value("code") ?? "") else {
            var page = enrolPage(session, account: account, vault: vault, secret: secret)
            let message = "Enter the six-digit code your app shows for this key"
            page.codeError = message
            page.problems = [PageProblem(field: "code", message)]
            return pages.render(page, frame: Self.enrolFrame(session), status: .badRequest)
        }
        startSession(for: enrolled, context: context)
        return SignInController.redirect("/console")
    }

    /// A new session id for the signed-in user: a session that was half signed in is not reused.
    private func startSession(for account: StoredStaffUser, context: ConsoleRequestContext) {
        context.sessions.createSession(
            ConsoleSession(userID: account.id, epoch: account.sessionEpoch, stage: .signedIn),
            expiresIn: ConsoleSession.lifetime)
    }

    /// The session, account and vault of a sign-in waiting at `stage`, if it is still good.
    private func pending(
        _ context: ConsoleRequestContext, stage: ConsoleSession.Stage
    ) async throws -> (ConsoleSession, StoredStaffUser, Vault)? {
        guard let session = context.sessions.session, session.stage == stage,
            !session.hasExpired(at: Date()),
            let account = try await installation.staffUsers().account(id: session.userID),
            account.sessionEpoch == session.epoch, account.disabledAt == nil,
            let vault = try await vaults.vault(workspaceID: account.workspaceID)
        else { return nil }
        return (session, account, vault)
    }

    /// A sign-in that must set up an app, or a signed-in user who chooses to. A user who has an
    /// app already cannot replace it from a session alone (a session taken over would otherwise
    /// keep the account): the DPO or an administrator removes it first.
    private func enrolling(
        _ context: ConsoleRequestContext
    ) async throws -> (ConsoleSession, StoredStaffUser, Vault)? {
        if let user = context.identity, let session = context.sessions.session {
            return user.account.totpSealed == nil ? (session, user.account, user.vault) : nil
        }
        // Nor can a half-signed-in session left over from before the app was set up.
        guard let pending = try await pending(context, stage: .mustEnrol), pending.1.totpSealed == nil else {
            return nil
        }
        return pending
    }

    /// The enrolment page for `secret`: its key, in groups of four, and its setup link.
    private func enrolPage(
        _ session: ConsoleSession, account: StoredStaffUser, vault: Vault, secret: String
    ) -> EnrolPage {
        let setup = SecondFactors.setup(
            secret: secret, account: account.email, issuer: "Custos \(vault.workspace.name)")
        let key = stride(from: 0, to: setup.key.count, by: 4).map { offset -> String in
            let start = setup.key.index(setup.key.startIndex, offsetBy: offset)
            return String(setup.key[start...].prefix(4))
        }.joined(separator: " ")
        return EnrolPage(required: session.stage == .mustEnrol, key: key, link: setup.link)
    }

    private static func enrolFrame(_ session: ConsoleSession) -> ConsoleFrame {
        frame(title: "Set up two-factor sign-in", session: session)
    }

    /// The frame of a page of the second step: the title, and the session's form token for its form.
    private static func frame(title: String, session: ConsoleSession) -> ConsoleFrame {
        var frame = ConsoleFrame(title: title)
        frame.formToken = session.formToken
        return frame
    }
}
