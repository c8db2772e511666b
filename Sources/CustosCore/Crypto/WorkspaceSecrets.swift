public import Crypto
public import Foundation

/// A workspace's own keys: one for blind indexes, one for pseudonyms, one that signs the links
/// sent to people (unsubscribe, preferences), and one that wraps the keys of what is written
/// about people (requests made in the privacy centre, complaints, breaches). They are random,
/// wrapped by the master key, and survive master-key rotation unchanged, so indexes, pseudonyms
/// and links sent stay valid.
public struct WorkspaceSecrets: Sendable {
    public let indexKey: SymmetricKey
    public let pseudonymKey: SymmetricKey
    public let linkKey: SymmetricKey
    public let requesterKey: SymmetricKey

    public init(indexKey: SymmetricKey, pseudonymKey: SymmetricKey, linkKey: SymmetricKey, requesterKey: SymmetricKey) {
        self.indexKey = indexKey
        self.pseudonymKey = pseudonymKey
        self.linkKey = linkKey
        self.requesterKey = requesterKey
    }

    public static func generate() -> WorkspaceSecrets {
        WorkspaceSecrets(
            indexKey: SymmetricKey(size: .bits256), pseudonymKey: SymmetricKey(size: .bits256),
            linkKey: SymmetricKey(size: .bits256), requesterKey: SymmetricKey(size: .bits256))
    }

    /// What each key is for, as stored.
    public enum Purpose: String, Sendable, CaseIterable {
        case blindIndex = "blind_index"
        case pseudonym
        case linkSigning = "link_signing"
        /// Wraps the own key of each request made in the privacy centre, each complaint and each
        /// breach, so what was written about one can be destroyed alone.
        case requesters
    }

    public func key(for purpose: Purpose) -> SymmetricKey {
        switch purpose {
        case .blindIndex: indexKey
        case .pseudonym: pseudonymKey
        case .linkSigning: linkKey
        case .requesters: requesterKey
        }
    }

    /// The associated data a workspace secret is wrapped with.
    public static func wrapContext(workspaceID: UUID, purpose: Purpose) -> Envelope.Context {
        Envelope.Context("workspace-secret", workspaceID.uuidString, purpose.rawValue)
    }
}
