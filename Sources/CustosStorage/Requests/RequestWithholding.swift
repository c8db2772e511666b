public import CustosCore
public import Foundation

/// An item held back from an access request under an exemption, as the reviewer decided: a whole
/// record, or some of its fields, with the ground and the reason. Kept in the register; the
/// package leaves the item out and, where the law lets the person be told, says on which ground.
public struct RequestWithholding: Sendable, Equatable {
    public var id: UUID
    public var requestID: UUID
    public var recordID: UUID
    /// The fields held back, or nil for the whole record.
    public var fields: [String]?
    public var exemption: Exemption
    /// Why, for the register (never printed to the person, never in the audit log).
    public var reason: String
    public var decidedBy: String
    public var decidedOn: CalendarDay

    public init(
        id: UUID = UUID(), requestID: UUID, recordID: UUID, fields: [String]?, exemption: Exemption, reason: String,
        decidedBy: String, decidedOn: CalendarDay
    ) {
        self.id = id
        self.requestID = requestID
        self.recordID = recordID
        self.fields = fields
        self.exemption = exemption
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
    }
}
