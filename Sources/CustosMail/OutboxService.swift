public import CustosCore
public import CustosServices
public import Foundation
public import Logging
public import ServiceLifecycle

/// Sends what is due from every workspace's outbox, every `interval`, for as long as the server
/// runs. Logs counts only.
public struct OutboxService: Service {
    let installation: Installation
    let transport: any MessageTransport
    /// Where people reach the privacy centre; links confirming requests made there start with it.
    /// Without it those links are not sent.
    let publicURL: String?
    /// Who the organisation's own emails come from; nil for each workspace's
    /// (``Vault/organisationSender``).
    let sender: MailAddress?
    let interval: Duration
    let logger: Logger

    public init(
        installation: Installation, transport: any MessageTransport, publicURL: String? = nil,
        sender: MailAddress? = nil, interval: Duration = .seconds(30),
        logger: Logger
    ) {
        self.installation = installation
        self.transport = transport
        self.publicURL = publicURL
        self.sender = sender
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        logger.info("outbox delivering", metadata: ["transport": "\(transport.description)"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await deliverDue()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// How long a server's claim on a workspace's pass lasts without being renewed (each send
    /// renews it): longer than the slowest mail server takes to refuse one message.
    public static let passLease: TimeInterval = 10 * 60

    /// One pass over every workspace: links confirming requests and registrations made in the
    /// privacy centre that are still to go, school leads to tell of new registrations, reminders to
    /// the DPO about requests coming due, then the queue. With several servers on one database,
    /// each workspace's pass is claimed (``WorkClaim/Job/messages``) by one server at a time, which
    /// checks the claim is still its own before each email, so each goes once. A failing
    /// workspace is logged and does not stop the others.
    public func deliverDue(at now: Date = Date(), holder: UUID? = nil) async {
        let workspaces: [Workspace]
        do {
            workspaces = try await installation.workspaces()
        } catch {
            logger.error("outbox: workspaces cannot be read", metadata: ["error": "\(type(of: error))"])
            return
        }
        for workspace in workspaces {
            if Task.isCancelled { return }
            let vault: Vault
            let claim: WorkClaim
            do {
                vault = try await installation.vault(workspace)
                // Another server is passing over this workspace now.
                guard
                    let claimed = try await vault.claimWork(
                        .messages, lease: Self.passLease, holder: holder ?? Vault.processHolder)
                else { continue }
                claim = claimed
            } catch {
                logger.error(
                    "outbox: workspace cannot be opened",
                    metadata: ["workspace": "\(workspace.name)", "error": "\(error)"])
                continue
            }
            do {
                try await passOver(vault, claim: claim, at: now)
            } catch {
                logger.error(
                    "outbox: delivery failed", metadata: ["workspace": "\(workspace.name)", "error": "\(error)"])
            }
            try? await vault.finishWork(claim)
        }
    }

    /// One workspace's part of a pass, under `claim`.
    private func passOver(_ vault: Vault, claim: WorkClaim, at now: Date) async throws {
        let workspace = vault.workspace
        if let publicURL, let sender = sender ?? vault.organisationSender {
            let sent = try await PrivacyCentreRequests(vault: vault).sendLinks(
                using: transport, from: sender, publicURL: publicURL, claim: claim, at: now)
            if sent > 0 {
                logger.info("request links", metadata: ["workspace": "\(workspace.name)", "sent": "\(sent)"])
            }
        }
        if let registrations = PrivacyCentreRegistrations(vault: vault) {
            try await passOver(registrations, claim: claim, at: now)
        }
        let reminders = RequestReminders(vault: vault)
        if let sender = sender ?? reminders.defaultSender {
            let sent = try await reminders.send(
                using: transport, from: sender, asOf: CalendarDay(now, in: CalendarDay.clockTimeZone),
                publicURL: publicURL, claim: claim, at: now)
            if sent > 0 {
                logger.info("reminders", metadata: ["workspace": "\(workspace.name)", "sent": "\(sent)"])
            }
        }
        let outbox = Outbox(vault: vault)
        var report = try await outbox.deliver(using: transport, at: now, claim: claim)
        while report.total > 0 {
            logger.info(
                "outbox",
                metadata: [
                    "workspace": "\(workspace.name)", "sent": "\(report.sent)", "deferred": "\(report.deferred)",
                    "failed": "\(report.failed)", "cancelled": "\(report.cancelled)",
                ])
            if Task.isCancelled { return }
            report = try await outbox.deliver(using: transport, at: now, claim: claim)
        }
    }

    /// Registrations' part of a pass: what expired unconfirmed is destroyed, links still to go are
    /// sent, and the school leads of those confirmed are told.
    private func passOver(
        _ registrations: PrivacyCentreRegistrations, claim: WorkClaim, at now: Date
    ) async throws {
        try await registrations.removeExpired(at: now)
        guard let sender = sender ?? registrations.vault.organisationSender else { return }
        let workspace = registrations.vault.workspace.name
        if let publicURL {
            let sent = try await registrations.sendLinks(
                using: transport, from: sender, publicURL: publicURL, claim: claim, at: now)
            if sent > 0 {
                logger.info("registration links", metadata: ["workspace": "\(workspace)", "sent": "\(sent)"])
            }
        }
        let told = try await registrations.tellSchoolLeads(
            using: transport, from: sender, publicURL: publicURL, claim: claim, at: now)
        if told > 0 { logger.info("registrations told", metadata: ["workspace": "\(workspace)", "count": "\(told)"]) }
    }
}
