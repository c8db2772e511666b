/// What a role may see and do: which record types, which fields, within which scope.
public struct AccessRule: Sendable, Equatable, Decodable {
    public var role: StaffRole
    public var scope: AccessScope
    public var recordTypes: [String]
    /// The fields visible; every field of the record types when empty.
    public var fields: [String]
    public var can: [AccessAction]
    /// The purpose this access serves (BEP's leaders see their colleagues for
    /// `colleague_visibility`); what they see is read, and audited, for it.
    public var purpose: String?
}
