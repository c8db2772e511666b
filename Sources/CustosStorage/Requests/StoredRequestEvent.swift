public import CustosCore
public import Foundation

/// One event of a request's history as kept: never rewritten.
public struct StoredRequestEvent: Sendable, Equatable {
    public var requestID: UUID
    public var event: RequestEvent
    public var recordedAt: Date

    public init(requestID: UUID, event: RequestEvent, recordedAt: Date) {
        self.requestID = requestID
        self.event = event
        self.recordedAt = recordedAt
    }
}
