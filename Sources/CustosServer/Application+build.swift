public import CustosServices
public import Hummingbird
public import Logging
public import ServiceLifecycle

/// Builds the Custos web application over a store: the privacy centre and the JSON API (which
/// opens personal data with the master keys in `keys`).
///
/// - Parameters:
///   - mail: sends the privacy centre's emails at once (request confirmations); without it they
///     wait for the outbox service.
///   - services: long-lived services to run alongside the server (a PostgreSQL client, ...).
///   - beforeServerStarts: work to finish, once the services run, before the server listens
///     (PostgreSQL migrations).
///   - onServerRunning: called once the server listens (the demo prints where to look).
public func buildApplication(
    store: any CustosStore,
    keys: MasterKeySource,
    configuration: ServerConfiguration = ServerConfiguration(),
    mail: PrivacyCentreMail? = nil,
    services: [any Service] = [],
    logger: Logger,
    beforeServerStarts: @escaping @Sendable () async throws -> Void = {},
    onServerRunning: @escaping @Sendable () async -> Void = {}
) -> some ApplicationProtocol {
    store.auditKeys.use(keys)
    var app = Application(
        router: buildRouter(store: store, keys: keys, configuration: configuration, mail: mail),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Custos"),
        services: services + [ConsoleSessionDriver(store: store)],
        onServerRunning: { _ in await onServerRunning() },
        logger: logger)
    app.beforeServerStarts(perform: beforeServerStarts)
    return app
}

/// The routes, with their middleware: request logs (paths only, never query strings) and security headers.
func buildRouter(
    store: any CustosStore, keys: MasterKeySource, configuration: ServerConfiguration = ServerConfiguration(),
    mail: PrivacyCentreMail? = nil
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(
        middleware: ContentSecurityMiddleware(contentSecurityPolicy: [
            .defaultSrc(.self), .formAction(.self), .frameAncestors(.none), .baseURI(.self),
        ]))
    HomeController(store: store).addRoutes(to: router)
    let centre = PrivacyCentreController(store: store, notices: NoticeCache())
    centre.addRoutes(to: router)
    CookieController(store: store, centre: centre).addRoutes(to: router)
    // One cache of open vaults for every route that needs one.
    let vaults = VaultCache(store: store, keys: keys)
    PreferencesController(store: store, vaults: vaults).addRoutes(to: router)
    RequestFormController(store: store, vaults: vaults, mail: mail).addRoutes(to: router)
    RegistrationController(store: store, vaults: vaults, mail: mail).addRoutes(to: router)
    ApiRoutes(store: store, vaults: vaults).add(to: router)
    ConsoleRoutes(
        store: store, vaults: vaults, hashing: configuration.passwordHashing, secureCookies: configuration.secureCookies
    ).add(to: router)
    return router
}
