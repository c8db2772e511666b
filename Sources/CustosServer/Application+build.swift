public import CustosServices
public import Hummingbird
public import Logging
public import ServiceLifecycle

/// Builds the Custos web application over an installation: the privacy centre, the JSON API and
/// the staff console, each reaching personal data only through the installation's services.
///
/// - Parameters:
///   - mail: sends the privacy centre's emails at once (request confirmations); without it they
///     wait for the outbox service.
///   - services: long-lived services to run alongside the server (a PostgreSQL client, ...).
///   - beforeServerStarts: work to finish, once the services run, before the server listens
///     (PostgreSQL migrations).
///   - onServerRunning: called once the server listens (the demo prints where to look).
public func buildApplication(
    installation: Installation,
    configuration: ServerConfiguration = ServerConfiguration(),
    mail: PrivacyCentreMail? = nil,
    services: [any Service] = [],
    logger: Logger,
    beforeServerStarts: @escaping @Sendable () async throws -> Void = {},
    onServerRunning: @escaping @Sendable () async -> Void = {}
) -> some ApplicationProtocol {
    var metricsListener: [any Service] = []
    if let metrics = configuration.metrics, case .listener(let host, let port, let token) = metrics.exposure {
        let router = Router(context: AppRequestContext.self)
        MetricsController(
            gauges: CaseworkGauges(
                installation: installation, vaults: VaultCache(installation: installation), registry: metrics.registry),
            token: token
        ).addRoutes(to: router)
        metricsListener.append(
            Application(
                router: router, configuration: .init(address: .hostname(host, port: port), serverName: "Custos"),
                logger: logger))
    }
    var app = Application(
        router: buildRouter(installation: installation, configuration: configuration, mail: mail),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Custos"),
        services: services + metricsListener + [ConsoleSessionDriver(installation: installation)],
        onServerRunning: { _ in await onServerRunning() },
        logger: logger)
    app.beforeServerStarts(perform: beforeServerStarts)
    return app
}

/// The routes, with their middleware: request logs (paths only, never query strings), security
/// headers on every response (error pages too), the client's address behind trusted proxies,
/// HTML pages for errors on public pages, and a 405 for a method the API does not take on a path;
/// with metrics configured, each request is counted and timed, and `/metrics` is served here when
/// it is protected by a token (on a listener of its own otherwise).
func buildRouter(
    installation: Installation, configuration: ServerConfiguration = ServerConfiguration(),
    mail: PrivacyCentreMail? = nil
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    if configuration.metrics != nil {
        // Outermost, so that it counts each request once, with the status its client saw.
        router.add(middleware: MetricsMiddleware())
    }
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ClientAddressMiddleware(trusted: configuration.trustedProxies))
    router.add(middleware: PublicErrorPagesMiddleware())
    router.add(middleware: ApiMethodsMiddleware())
    HomeController(installation: installation).addRoutes(to: router)
    let centre = PrivacyCentreController(installation: installation, notices: NoticeCache())
    centre.addRoutes(to: router)
    CookieController(installation: installation, centre: centre).addRoutes(to: router)
    // One cache of open vaults for every route that needs one.
    let vaults = VaultCache(installation: installation)
    PreferencesController(installation: installation, vaults: vaults).addRoutes(to: router)
    RequestFormController(installation: installation, vaults: vaults, mail: mail).addRoutes(to: router)
    RegistrationController(installation: installation, vaults: vaults, mail: mail).addRoutes(to: router)
    ApiRoutes(installation: installation, vaults: vaults).add(to: router)
    ConsoleRoutes(
        installation: installation, vaults: vaults, hashing: configuration.passwordHashing,
        secureCookies: configuration.secureCookies, mail: mail
    ).add(to: router)
    if let metrics = configuration.metrics, case .protected(let token) = metrics.exposure {
        MetricsController(
            gauges: CaseworkGauges(installation: installation, vaults: vaults, registry: metrics.registry), token: token
        ).addRoutes(to: router)
    }
    return router
}
