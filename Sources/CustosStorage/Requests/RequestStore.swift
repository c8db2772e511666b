public import CustosCore
public import Foundation

/// Where the register of requests is kept. Requests, their updates and their events are written
/// through a ``ChangeSet``; events are never rewritten.
public protocol RequestStore: Sendable {
    /// The request with `id` in the workspace, if there is one.
    func request(_ id: UUID, in workspaceID: UUID) async throws -> StoredRequest?

    /// The request numbered `number` in the workspace's register (``StoredRequest/reference``).
    func request(numbered number: Int, in workspaceID: UUID) async throws -> StoredRequest?

    /// The workspace's requests, those due soonest first (those with no date yet last, oldest
    /// first); only open ones unless `includingClosed`.
    func requests(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredRequest]

    /// A page of the workspace's requests that `query` matches, in its order: at most `limit`,
    /// after skipping `offset`.
    func requests(
        in workspaceID: UUID, matching query: RequestQuery, limit: Int, offset: Int
    ) async throws
        -> [StoredRequest]

    /// How many of the workspace's requests `query` matches.
    func requestCount(in workspaceID: UUID, matching query: RequestQuery) async throws -> Int

    /// The requests about the person `subjectID`, open and closed, in the order of
    /// ``requests(in:includingClosed:)``.
    func requests(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredRequest]

    /// The workspace's requests whose party is still in plain text, from before it was sealed.
    func requestsWithPlainParty(in workspaceID: UUID) async throws -> [StoredRequest]

    /// The request's events, in the order recorded.
    func requestEvents(of requestID: UUID, in workspaceID: UUID) async throws -> [StoredRequestEvent]

    /// The reminders sent about the workspace's requests.
    func requestReminders(in workspaceID: UUID) async throws -> [RequestReminder]

    /// The items held back from the request, in the order decided.
    func withholdings(of requestID: UUID, in workspaceID: UUID) async throws -> [RequestWithholding]

    /// The workspace's school calendar, if one was kept.
    func schoolCalendar(in workspaceID: UUID) async throws -> SchoolCalendar?

    /// Who made the request, if the register keeps them (one made in the privacy centre, or taken
    /// by staff with the requester's details).
    func requester(of requestID: UUID, in workspaceID: UUID) async throws -> StoredRequester?

    /// Requesters of requests made online whose confirmation link is not yet sent, oldest first.
    func requestersAwaitingLink(in workspaceID: UUID) async throws -> [StoredRequester]

    /// The requesters with the address whose blind index is `emailIndex` whose requests are still
    /// open (neither completed nor refused), oldest first.
    func openRequesters(withEmailIndex emailIndex: Data, in workspaceID: UUID) async throws -> [StoredRequester]
}
