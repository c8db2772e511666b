public import Foundation

/// A registration whose link was followed: when, and who it is on file as.
public struct RegistrationConfirmed: Sendable, Equatable {
    public var registrationID: UUID
    public var confirmedAt: Date
    public var subjectID: UUID

    public init(registrationID: UUID, confirmedAt: Date, subjectID: UUID) {
        self.registrationID = registrationID
        self.confirmedAt = confirmedAt
        self.subjectID = subjectID
    }
}
