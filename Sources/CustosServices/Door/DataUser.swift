public import CustosCore

/// Who is using personal data through the door: the name the audit log gives them and what
/// their role reaches.
public struct DataUser: Sendable {
    /// The audit log's name: `cli:USER`, `api:TOKEN-NAME`, `user:ID`.
    public let actor: String
    public let access: StaffAccess

    public init(actor: String, access: StaffAccess) {
        self.actor = actor
        self.access = access
    }

    public var role: StaffRole { access.role }
}
