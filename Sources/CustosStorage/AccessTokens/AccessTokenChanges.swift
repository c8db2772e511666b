public import Foundation

/// Changes to API tokens: those made and those revoked.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct AccessTokenChanges: Sendable {
    /// API tokens made.
    public var issued: [StoredAccessToken] = []
    /// API tokens revoked, by id, with the time.
    public var revoked: [UUID: Date] = [:]

    public init() {}
}
