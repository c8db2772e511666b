public import Crypto
public import Foundation

/// A workspace's own keys: one for blind indexes, one for pseudonyms and one that signs the links
/// sent to people (unsubscribe, preferences). They are random, wrapped by the master key, and
/// survive master-key rotation unchanged, so indexes, pseudonyms and links sent stay valid.
public struct WorkspaceSecrets: Sendable {
    public let indexKey: SymmetricKey
    public let pseudonymKey: SymmetricKey
    public let linkKey: SymmetricKey

    public init(indexKey: SymmetricKey, pseudonymKey: SymmetricKey, linkKey: SymmetricKey) {
        self.indexKey = indexKey
        self.pseudonymKey = pseudonymKey
        self.linkKey = linkKey
    }

    public static func generate() -> WorkspaceSecrets {
        WorkspaceSecrets(
            indexKey: SymmetricKey(size: .bits256), pseudonymKey: SymmetricKey(size: .bits256),
            linkKey: SymmetricKey(size: .bits256))
    }

    /// What each key is for, as stored.
    public enum Purpose: String, Sendable, CaseIterable {
        case blindIndex = "blind_index"
        case pseudonym
        case linkSigning = "link_signing"
    }

    public func key(for purpose: Purpose) -> SymmetricKey {
        switch purpose {
        case .blindIndex: indexKey
        case .pseudonym: pseudonymKey
        case .linkSigning: linkKey
        }
    }

    /// The associated data a workspace secret is wrapped with.
    public static func wrapContext(workspaceID: UUID, purpose: Purpose) -> Envelope.Context {
        Envelope.Context("workspace-secret", workspaceID.uuidString, purpose.rawValue)
    }
}
