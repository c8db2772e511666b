public import CustosCore
public import CustosStorage
public import Foundation

/// Records website visitors' answers to the cookie banner, checked against the register in force.
public struct CookieConsents: Sendable {
    let store: any CustosStore
    public let workspace: Workspace
    public let register: CookieRegister
    public let policyVersion: Int

    public init(store: any CustosStore, workspace: Workspace, policy: Policy, policyVersion: Int) {
        self.store = store
        self.workspace = workspace
        register = CookieRegister(policy: policy)
        self.policyVersion = policyVersion
    }

    /// Why a choice was refused.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The visitor was shown another list of cookies: the banner must ask again.
        case staleRegister
        /// A category that does not ask for consent here (named).
        case unknownCategory(String)

        public var description: String {
            switch self {
            case .staleRegister: "registerFingerprint: the cookie list has changed since it was shown; ask again"
            case .unknownCategory(let name): "accepted: '\(name)' is not a category this site asks consent for"
            }
        }
    }

    /// Records that `visitor` accepted `accepted` (category names) and declined the rest, having
    /// been shown the register with `fingerprint`.
    @discardableResult
    public func record(
        visitor: UUID, accepted names: [String], fingerprint: String, at time: Date = Date()
    ) async throws -> CookieConsentRecord {
        guard fingerprint == register.fingerprint else { throw Refusal.staleRegister }
        let asking = register.categoriesNeedingConsent
        var accepted: [CookieCategory] = []
        for name in names {
            guard let category = CookieCategory(rawValue: name), asking.contains(category) else {
                throw Refusal.unknownCategory(name)
            }
            if !accepted.contains(category) { accepted.append(category) }
        }
        let record = CookieConsentRecord(
            visitorID: visitor, accepted: asking.filter(accepted.contains), registerFingerprint: fingerprint,
            policyVersion: policyVersion, recordedAt: time)
        var changes = ChangeSet(workspaceID: workspace.id)
        changes.contact.cookieConsents = [record]
        try await store.apply(changes)
        return record
    }
}
