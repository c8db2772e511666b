public import CustosCore
public import Foundation

/// One person who may be contacted, with the address to reach them on.
public struct AudienceMember: Sendable, Hashable {
    public var subjectID: UUID
    /// The email address, phone number or postal address for the channel.
    public var address: String
    /// Their name, where a record holds one.
    public var name: String?
    /// Why they may be contacted.
    public var reason: ContactReason

    public init(subjectID: UUID, address: String, name: String?, reason: ContactReason) {
        self.subjectID = subjectID
        self.address = address
        self.name = name
        self.reason = reason
    }
}
