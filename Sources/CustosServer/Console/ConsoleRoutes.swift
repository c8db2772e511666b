import CustosServices
import Foundation
import Hummingbird
import HummingbirdAuth

/// Mounts the staff console at `/console`: sessions in the store, the sign-in pages open to all,
/// and every other page behind the sign-in gate, the form guard and one authorisation check.
struct ConsoleRoutes {
    let installation: Installation
    let vaults: VaultCache
    let hashing: PasswordHashing
    /// Whether cookies are marked `Secure` (the server is reached over TLS).
    let secureCookies: Bool
    /// How the privacy centre sends its links, for the dashboard's warning when it cannot.
    var mail: PrivacyCentreMail? = nil
    let pages = ConsolePages()

    /// The sessions' storage: also a service, which clears expired sessions.
    var sessionDriver: ConsoleSessionDriver { ConsoleSessionDriver(installation: installation) }

    func add(to router: Router<AppRequestContext>) {
        router.get("/assets/console.css") { _, _ in
            TextResponse(body: ConsoleLayout.stylesheet, contentType: "text/css; charset=utf-8")
        }
        let console = router.group("console", context: ConsoleRequestContext.self)
            .add(middleware: RequestReadsMiddleware(installation: installation))
            .add(
                middleware: SessionMiddleware(
                    storage: sessionDriver,
                    configuration: .init(
                        sessionCookieParameters: .init(
                            name: "custos_console", path: "/console", secure: secureCookies, sameSite: .strict),
                        keyPrefix: "console.", defaultSessionExpiration: ConsoleSession.lifetime))
            )
            .add(middleware: ConsoleAuthenticator(installation: installation, vaults: vaults))
        SignInController(
            users: installation.staffUsers(hashing: hashing), vaults: vaults, pages: pages,
            limits: installation.attemptLimits
        ).addRoutes(to: console.group().add(middleware: ConsoleFormGuard(requiresToken: false, pages: pages)))
        SecondFactorController(installation: installation, vaults: vaults, hashing: hashing, pages: pages)
            .addRoutes(to: console.group().add(middleware: ConsoleFormGuard(requiresToken: true, pages: pages)))
        let signedIn = console.group()
            .add(middleware: ConsoleSignInGate())
            .add(middleware: ConsoleFormGuard(requiresToken: true, pages: pages))
        for route in ConsoleRoute.allCases {
            let handler = handler(for: route)
            let pages = pages
            signedIn.on(RouterPath(stringLiteral: route.path), method: route.method) { request, context in
                let user = try context.user()
                if let ability = route.ability, !user.may(ability) {
                    return pages.problem(
                        title: "Not allowed", heading: "You cannot open this page",
                        message:
                            "Your role (\(ConsoleFrame.roleName(user.role))) does not allow it. If you need it, ask your data protection officer.",
                        user: user, context: context, status: .forbidden)
                }
                return try await handler(request, context)
            }
        }
        // Anything else under /console: a page saying so, for signed-in users.
        for method in [HTTPRequest.Method.get, .post] {
            signedIn.on("**", method: method) { _, context in
                let user = try context.user()
                return pages.problem(
                    title: "Not found", heading: "Page not found", message: "There is no console page at this address.",
                    user: user, context: context, status: .notFound)
            }
        }
    }

    private typealias Handler = @Sendable (Request, ConsoleRequestContext) async throws -> Response

    private func handler(for route: ConsoleRoute) -> Handler {
        switch route {
        case .dashboard: DashboardController(pages: pages, mail: mail).show
        case .people: PeopleController(pages: pages).form
        case .searchPeople: PeopleController(pages: pages).search
        case .person: PeopleController(pages: pages).person
        case .duplicates: MergeController(pages: pages).list
        case .mergeForm: MergeController(pages: pages).form
        case .merge: MergeController(pages: pages).merge
        case .newRecord: RecordFormController(pages: pages).form
        case .addRecord: RecordFormController(pages: pages).add
        case .imports: ImportsController(pages: pages).form
        case .startImport: ImportsController(pages: pages).start
        case .importJob: ImportsController(pages: pages).show
        case .importProblems: ImportsController(pages: pages).problems
        case .requests: RequestsController(pages: pages).list
        case .newRequest: RequestIntakeController(pages: pages).form
        case .logRequest: RequestIntakeController(pages: pages).create
        case .request: RequestsController(pages: pages).show
        case .requestLink: RequestsController(pages: pages).link
        case .requestStep: RequestsController(pages: pages).step
        case .requestPackage: RequestsController(pages: pages).package
        case .requestCarryOut: RequestsController(pages: pages).carryOut
        case .registers: RegistersController(pages: pages).show
        case .newBreach: BreachesController(pages: pages).form
        case .logBreach: BreachesController(pages: pages).record
        case .breach: BreachesController(pages: pages).show
        case .breachStepForm: BreachesController(pages: pages).stepForm
        case .breachStep: BreachesController(pages: pages).step
        case .newComplaint: ComplaintsController(pages: pages).form
        case .takeComplaint: ComplaintsController(pages: pages).receive
        case .complaint: ComplaintsController(pages: pages).show
        case .complaintStepForm: ComplaintsController(pages: pages).stepForm
        case .complaintStep: ComplaintsController(pages: pages).step
        case .newHold: HoldsController(pages: pages).form
        case .placeHold: HoldsController(pages: pages).place
        case .releaseHold: HoldsController(pages: pages).release
        case .newDisclosure: DisclosuresController(pages: pages).form
        case .logDisclosure: DisclosuresController(pages: pages).record
        case .taskList: TasksController(pages: pages).list
        case .taskForm: TasksController(pages: pages).form
        case .taskDone: TasksController(pages: pages).done
        case .policy: PolicyController(pages: pages).show
        case .policyROPA: PolicyController(pages: pages).ropa
        case .policyFideslang: PolicyController(pages: pages).fideslang
        case .audit: AuditController(pages: pages, installation: installation).show
        case .auditCSV: AuditController(pages: pages, installation: installation).csv
        case .tokens: TokensController(pages: pages).list
        case .makeToken: TokensController(pages: pages).make
        case .revokeToken: TokensController(pages: pages).revoke
        case .school: SchoolController(pages: pages).show
        case .authorise: SchoolController(pages: pages).authorise
        case .events: EventsController(pages: pages).show
        case .signOut: signOut
        }
    }

    @Sendable private func signOut(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        try await user.vault.audit([user.event("user.sign_out", detail: "user \(user.account.id) signed out")])
        context.sessions.clearSession()
        return SignInController.redirect("/console/sign-in?signed-out")
    }
}
