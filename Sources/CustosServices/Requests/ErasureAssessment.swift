public import CustosCore
public import Foundation

/// What the DPO reads before approving an erasure: the plan for each kind of record, the other
/// people whose shared records the erasure touches (their own parts stay, but they lose the link
/// to this person), and the recipients who will have to be told (Art 19).
public struct ErasureAssessment: Sendable, Equatable {
    /// A shared record of the person's that other people also have parts in.
    public struct SharedRecord: Sendable, Equatable {
        public var recordID: UUID
        public var recordType: String
        /// The person's role in it, e.g. `delegate`.
        public var role: String
        /// The others in it, by id and role.
        public var others: [(subjectID: UUID, role: String)]

        public static func == (left: SharedRecord, right: SharedRecord) -> Bool {
            left.recordID == right.recordID && left.recordType == right.recordType && left.role == right.role
                && left.others.map(\.subjectID) == right.others.map(\.subjectID)
                && left.others.map(\.role) == right.others.map(\.role)
        }
    }

    public var requestID: UUID
    /// The person, as the register knows them now (a merged record is followed to its survivor).
    public var subjectID: UUID
    public var plan: ErasurePlan
    /// Records to be erased that other people have parts in.
    public var sharedRecords: [SharedRecord]
    /// Recipients of the erased records' purposes, who must be told.
    public var recipients: [String]
    /// Whether the DPO must approve before it is carried out, and whether they have.
    public var needsApproval: Bool
    public var approved: Bool

    /// The other people affected, once each.
    public var affectedSubjects: [UUID] {
        var seen = Set<UUID>()
        return sharedRecords.flatMap { $0.others.map(\.subjectID) }.filter { seen.insert($0).inserted }
    }
}
