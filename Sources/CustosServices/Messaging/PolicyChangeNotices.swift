public import CustosCore
public import Foundation

/// Tells people of a new policy version that changes purposes, recipients or retention, by email, where the
/// policy promises it (`notice.email_changes`: ASSET, BEP).
///
/// The people told are those a changed purpose concerns (its record types), through the outbox and
/// the contact decision for that purpose: someone who withdrew consent to marketing is not told of
/// a change to marketing, an erased person is never told. Each person gets one email, naming
/// every change and linking the notice's versions. A purpose removed concerns no one any more, so
/// it is listed but emails no one by itself.
public struct PolicyChangeNotices: Sendable {
    /// The vault under the new policy.
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// What was queued.
    public struct Report: Sendable, Equatable {
        /// People an email was queued for.
        public var told: Int
        /// Times a changed purpose's contact decision left someone out, or they had no address. A
        /// person left out by one purpose may still be told through another.
        public var leftOut: Int
    }

    /// Queues the emails for `changes`, made by version `number`; nothing when the policy does
    /// not promise them or nothing about purposes, recipients or retention changed.
    public func queue(
        _ changes: PolicyChanges, version number: Int, settings: MessageSettings, actor: String, at time: Date = Date()
    ) async throws -> Report {
        let policy = vault.policy
        guard policy.notice.emailChanges == true, changes.isToldByEmail else {
            return Report(told: 0, leftOut: 0)
        }
        let outbox = Outbox(vault: vault)
        var decided: Set<UUID> = []
        var report = Report(told: 0, leftOut: 0)
        for purpose in policy.purposes where changes.affectedPurposes.contains(purpose.id) {
            let lists: [String?] =
                purpose.marketing.map { $0.lists.map(\.id) }.flatMap { $0.isEmpty ? nil : $0 } ?? [nil]
            for list in lists {
                let question = ContactQuestion(purpose: purpose.id, channel: .email, list: list)
                let audience = try await outbox.contacts.decideAudience(question)
                let subjects = audience.allowed.map(\.subjectID).filter { !decided.contains($0) }
                decided.formUnion(subjects)
                report.leftOut += audience.denied.values.reduce(0, +) + audience.withoutAddress
                guard !subjects.isEmpty else { continue }
                let template = try MessageTemplate(
                    text: Self.text(changes, purpose: purpose.id, list: list, versionsURL: versionsURL(settings)),
                    name: "policy-change-v\(number)")
                let queued = try await outbox.queue(template, to: subjects, settings: settings, actor: actor, at: time)
                report.told += queued.queued.count
                report.leftOut += subjects.count - queued.queued.count
            }
        }
        return report
    }

    private func versionsURL(_ settings: MessageSettings) -> String {
        let base = settings.publicURL.hasSuffix("/") ? String(settings.publicURL.dropLast()) : settings.publicURL
        return "\(base)/privacy/\(vault.workspace.name)/versions"
    }

    /// The email: the changes in the policy's own words, and where to read the whole notice.
    static func text(_ changes: PolicyChanges, purpose: String, list: String?, versionsURL: String) -> String {
        let lines = changes.changes.map { "- " + $0.text.replacingOccurrences(of: "{{", with: "{ {") }
        return """
            ---
            subject: Changes to how {{organisation}} uses your information
            purpose: \(purpose)
            \(list.map { "list: \($0)\n" } ?? "")---
            Dear {{name}},

            We have changed our privacy notice. What has changed:

            \(lines.joined(separator: "\n"))

            Every version of the notice, and what changed in each: \(versionsURL)
            """
    }
}
