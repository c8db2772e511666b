public import CustosCore
public import Foundation

/// What queuing a template did: the messages queued, and who was left out and why.
public struct QueueReport: Sendable, Equatable {
    public var template: String
    public var question: ContactQuestion
    public var queued: [UUID]
    /// People the contact decision refused, by reason.
    public var denied: [ContactReason: Int]
    /// People allowed but with no email address in their records.
    public var withoutAddress: Int

    public init(
        template: String, question: ContactQuestion, queued: [UUID], denied: [ContactReason: Int], withoutAddress: Int
    ) {
        self.template = template
        self.question = question
        self.queued = queued
        self.denied = denied
        self.withoutAddress = withoutAddress
    }
}
