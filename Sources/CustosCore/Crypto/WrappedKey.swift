public import Foundation

/// A key sealed by a master key, as stored in the database.
public struct WrappedKey: Sendable, Hashable {
    /// The ``MasterKey/id`` of the key that sealed it.
    public var masterKeyID: String
    public var sealed: Data

    public init(masterKeyID: String, sealed: Data) {
        self.masterKeyID = masterKeyID
        self.sealed = sealed
    }
}
