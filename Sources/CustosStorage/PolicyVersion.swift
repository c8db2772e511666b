public import Foundation

/// A version of a workspace's policy, as it was loaded: consents, notices shown and requests name
/// the version in force by its number and hash.
public struct PolicyVersion: Sendable, Hashable, Codable {
    public var workspaceID: UUID
    /// 1 for the first policy, then 2, 3, ...
    public var number: Int
    /// SHA-256 of the policy text (see `LoadedPolicy.contentHash`).
    public var contentHash: String
    /// The file name it was loaded from.
    public var fileName: String
    /// The YAML text, kept so that any version can be shown and compared again.
    public var source: String
    public var recordedAt: Date
    /// Who loaded it, e.g. `cli:dpo` or `demo`.
    public var recordedBy: String

    public init(
        workspaceID: UUID, number: Int, contentHash: String, fileName: String, source: String, recordedAt: Date,
        recordedBy: String
    ) {
        self.workspaceID = workspaceID
        self.number = number
        self.contentHash = contentHash
        self.fileName = fileName
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// `v3 (sha256:3f2a9c1e0b7d)`.
    public var label: String { "v\(number) (sha256:\(contentHash.prefix(12)))" }
}
