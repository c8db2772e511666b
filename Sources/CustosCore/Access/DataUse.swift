/// One use of personal data, as the door decides it: who uses it (their role), to do what, for
/// which purpose, with records of which type.
public struct DataUse: Sendable, Hashable {
    /// The role of the member of staff or token using the data.
    public var role: StaffRole
    public var action: AccessAction
    /// The purpose named, as given: it may not be one of the policy's.
    public var purpose: String
    public var recordType: String
    /// The ground, under UK GDPR Art 18(2), for using data whose processing the person restricted.
    public var restrictedUseGround: RestrictedUseGround?

    public init(
        role: StaffRole, action: AccessAction, purpose: String, recordType: String,
        restrictedUseGround: RestrictedUseGround? = nil
    ) {
        self.role = role
        self.action = action
        self.purpose = purpose
        self.recordType = recordType
        self.restrictedUseGround = restrictedUseGround
    }
}
