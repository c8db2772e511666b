import CustosCore
import CustosServices
import CustosStorage
import CustosTestSupport
import Foundation
import Testing

/// The register of requests as the console pages it, on both backends: filtered by standing and
/// kind in the database, in the order chosen, a page at a time with a count.
@Suite("The register of requests, filtered and paged")
struct RequestQueryContractTests {
    @Test(
        "open, closed or all; one kind; most urgent, latest or earliest first; pages that add up",
        arguments: TestBackend.available)
    func filteredAndPaged(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let requests = Requests(vault: vault)
            let today = CalendarDay.today
            var opened: [StoredRequest] = []
            for (offset, kind) in [RequestKind.access, .erasure, .access, .rectification, .access].enumerated() {
                opened.append(
                    try await requests.open(
                        RequestIntake(
                            kind: kind, subjectID: nil, channel: .email, receivedOn: today.adding(days: -10 + offset),
                            identityShown: offset != 4),
                        actor: "office"))
            }
            try await requests.record(.refused, request: opened[1].id, on: today, reason: "unfounded", actor: "dpo")

            let open = try await requests.page(matching: RequestQuery(), limit: 50, offset: 0)
            #expect(open.total == 4 && open.requests.count == 4)
            #expect(
                open.requests.map(\.id).prefix(3) == [opened[0].id, opened[2].id, opened[3].id], "soonest due first")
            #expect(open.requests.last?.id == opened[4].id, "no date yet: last")
            let closed = try await requests.page(matching: RequestQuery(standing: .closed), limit: 50, offset: 0)
            #expect(closed.requests.map(\.id) == [opened[1].id] && closed.total == 1)
            let access = try await requests.page(
                matching: RequestQuery(standing: .all, kind: .access, order: .newest), limit: 50, offset: 0)
            #expect(access.requests.map(\.id) == [opened[4].id, opened[2].id, opened[0].id])
            let oldest = try await requests.page(
                matching: RequestQuery(standing: .all, order: .oldest), limit: 2, offset: 2)
            #expect(oldest.requests.map(\.id) == [opened[2].id, opened[3].id] && oldest.total == 5)
        }
    }
}
