public import Foundation

/// A legal hold: data kept for a legal claim (UK GDPR Art 17(3)(e)), on one person or on every
/// record of one type, until its end date or until it is released. While it stands, neither an
/// erasure request nor the retention sweep touches what it covers.
public struct LegalHold: Sendable, Equatable, Codable {
    public var id: UUID
    /// The person held, or nil for every person's records of ``recordType``.
    public var subjectID: UUID?
    /// The record type held, or nil for every record of ``subjectID``.
    public var recordType: String?
    /// Why, for the DPO (the claim or matter); never printed to the person.
    public var reason: String
    public var placedBy: String
    public var placedOn: CalendarDay
    /// The last day it stands, when known.
    public var endsOn: CalendarDay?
    public var releasedOn: CalendarDay?
    public var releasedBy: String?

    public init(
        id: UUID = UUID(), subjectID: UUID?, recordType: String?, reason: String, placedBy: String,
        placedOn: CalendarDay, endsOn: CalendarDay? = nil, releasedOn: CalendarDay? = nil, releasedBy: String? = nil
    ) {
        self.id = id
        self.subjectID = subjectID
        self.recordType = recordType
        self.reason = reason
        self.placedBy = placedBy
        self.placedOn = placedOn
        self.endsOn = endsOn
        self.releasedOn = releasedOn
        self.releasedBy = releasedBy
    }

    /// Whether the hold stands on `day`: placed by then, not ended before it, not released.
    public func stands(on day: CalendarDay) -> Bool {
        placedOn <= day && (endsOn.map { day <= $0 } ?? true) && (releasedOn.map { day < $0 } ?? true)
    }

    /// Whether it covers `subject`'s records of `type`.
    public func covers(subject: UUID, recordType type: String) -> Bool {
        (subjectID == nil || subjectID == subject) && (recordType == nil || recordType == type)
    }
}
