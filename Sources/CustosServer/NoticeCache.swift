import CustosCore
import CustosServices

/// The rendered notice of each workspace, with the policy it was rendered from, kept until the
/// policy version in force changes.
actor NoticeCache {
    struct Entry {
        var contentHash: String
        var versionNumber: Int
        var policy: Policy
        var html: String
        var markdown: String
    }

    private let renderer = PrivacyNoticeRenderer()
    private var entries: [String: Entry] = [:]

    /// The notice of the workspace's current policy version.
    func notice(for workspace: Workspace, installation: Installation) async throws -> Entry {
        guard let version = try await installation.currentPolicyVersion(in: workspace) else {
            throw NoticeUnavailable(reason: "the workspace has no policy")
        }
        if let cached = entries[workspace.name], cached.contentHash == version.contentHash,
            cached.versionNumber == version.number
        {
            return cached
        }
        let loaded: LoadedPolicy
        do {
            loaded = try PolicyLoader.load(yaml: version.source, fileName: version.fileName)
        } catch {
            throw NoticeUnavailable(reason: "the policy in force cannot be read: \(error)")
        }
        // People read which version is in force and since when, not a fingerprint.
        let inForce = PageText.day(CalendarDay(version.recordedAt, in: CalendarDay.clockTimeZone))
        let notice = try PrivacyNoticeBuilder().notice(
            for: loaded, version: "\(version.number), in force from \(inForce)")
        let entry = Entry(
            contentHash: version.contentHash, versionNumber: version.number, policy: loaded.policy,
            html: renderer.render(
                notice, as: .html, stylesheetURL: "/assets/notice.css",
                requestFormURL: loaded.policy.rights.requestChannels.contains(.web)
                    ? RequestFormController.formPath(workspace: workspace.name) : nil,
                retentionScheduleURL: "/privacy/\(workspace.name)/retention",
                versionsURL: "/privacy/\(workspace.name)/versions",
                registrationURL: loaded.policy.registration == nil
                    ? nil : RegistrationController.formPath(workspace: workspace.name),
                brandStylesheetURL: "/privacy/\(workspace.name)/brand.css"),
            markdown: renderer.render(notice, as: .md))
        entries[workspace.name] = entry
        return entry
    }
}

/// The notice cannot be shown; the reason is for operators' logs.
struct NoticeUnavailable: Error {
    var reason: String
}
