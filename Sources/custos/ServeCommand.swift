import ArgumentParser
import CustosDeployment
import CustosMail
import CustosServer
import CustosServices
import Foundation
import Logging

/// `custos serve`: the server over an existing data folder or database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Custos server: the privacy centre and the API.")

    @Option(
        name: .customLong("host"),
        help: ArgumentHelp("The address to listen on. Default: CUSTOS_HOST, else 127.0.0.1.", valueName: "ADDRESS"))
    var hostOption: String?

    @Option(
        name: .customLong("port"), help: ArgumentHelp("The port to listen on. Default: CUSTOS_PORT, else 8080."))
    var portOption: Int?

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "A proxy in front of the server (an address, or an IPv4 range such as 10.0.0.0/8) whose X-Forwarded-For names the client; repeat for several. Default: CUSTOS_TRUSTED_PROXIES (comma-separated), else none.",
            valueName: "ADDRESS"))
    var trustedProxies: [String] = []

    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var backups: BackupOptions
    @OptionGroup var mail: MailOptions
    @OptionGroup var publicURL: PublicURLOption
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let logger = Logger(label: "custos")
        let host = hostOption ?? Settings.current.value(.host) ?? "127.0.0.1"
        let portSetting = portOption.map(String.init) ?? Settings.current.value(.port) ?? "8080"
        guard let port = Int(portSetting), (1...65_535).contains(port) else {
            let origin = Settings.current.origin(of: .port, givenAsOption: portOption != nil)
            throw ValidationError("\(origin): '\(portSetting)' is not a port (1 to 65535)")
        }
        // Checked before anything is opened: a bad value changes nothing.
        let backupSettings = try backups.settings()
        let transport = try mail.transport(store: self.store)
        let publicURL = try self.publicURL.checked()
        // People reach the server over HTTPS (through a proxy): the console's cookie is never sent in the clear.
        let proxies =
            trustedProxies.isEmpty
            ? (Settings.current.value(.trustedProxies) ?? "").split(separator: ",").map(String.init)
            : trustedProxies
        let trusted: TrustedProxies
        do {
            trusted = try TrustedProxies(proxies)
        } catch let error as TrustedProxyError {
            throw ValidationError(error.description)
        }
        let configuration = ServerConfiguration(
            host: host, port: port, secureCookies: publicURL.lowercased().hasPrefix("https://"),
            trustedProxies: trusted, metrics: try metrics.bootstrapped())
        let sender = try mail.sender()
        let centreMail = PrivacyCentreMail(transport: transport, publicURL: publicURL, sender: sender)
        let location = try store.location()
        try backups.check(backupSettings, for: location)
        let opened = try location.open(keys: store.keys, logger: logger)
        let installation = opened.installation
        let scheduledBackups = try backups.service(
            backupSettings, location: location, installation: installation, logger: logger)
        let outbox = OutboxService(
            installation: installation, transport: transport, publicURL: publicURL, sender: sender, logger: logger)
        try await buildApplication(
            installation: installation, configuration: configuration, mail: centreMail,
            services: opened.services + [
                outbox, installation.retentionService(logger: logger), installation.presenceReporter(logger: logger),
                installation.auditChainService(logger: logger), MemoryTrimmer(),
            ] + [scheduledBackups].compactMap { $0 },
            logger: logger,
            beforeServerStarts: {
                try await opened.prepare()
                // Said loudly at start, and on the dashboard: people asking online would otherwise
                // wait for ever for a link never sent.
                for workspace in try await installation.workspaces() {
                    let vault = try await installation.vault(workspace)
                    if let problem = PrivacyCentreMail.cannotConfirm(centreMail, for: vault) {
                        logger.warning("\(problem)", metadata: ["workspace": "\(workspace.name)"])
                    }
                }
            }
        ).runService()
    }
}
