/// Registration in the privacy centre, like BEP's CPD Online: people register themselves as a
/// record of one type, prove the email address they gave by following a link sent to it, and the
/// lead users at their school are told of each new registration, so that someone at the school
/// can see that the people registering are eligible.
public struct RegistrationSettings: Sendable, Equatable, Decodable {
    /// The record type a registration makes. Its first role's person is named by an email field
    /// that is an identifier, and a field of format `urn` ties them to their school.
    public var recordType: String
    /// The purpose under which the school's lead users (its school leaders in the console) are
    /// told of a new registration; nil when no one is told.
    public var tellSchoolLeads: String?

    public init(recordType: String, tellSchoolLeads: String? = nil) {
        self.recordType = recordType
        self.tellSchoolLeads = tellSchoolLeads
    }
}
