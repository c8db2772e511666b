import CustosCore
import CustosServices
import CustosStorage
import Foundation
import Testing

/// Short references people can quote: each workspace numbers its requests from 1, in the order
/// they are opened, whoever opens them at once.
@Suite("Request references")
struct RequestReferenceContractTests {
    @Test("requests are numbered per workspace, and found by their reference", arguments: TestBackend.available)
    func numbered(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let ashe = try await fixture.vault(example: "ashe")
            let requests = Requests(vault: ashe)
            let received = try #require(CalendarDay(iso: "2026-09-01"))
            var opened: [StoredRequest] = []
            for _ in 0..<3 {
                opened.append(
                    try await requests.open(
                        RequestIntake(kind: .access, subjectID: nil, channel: .email, receivedOn: received),
                        actor: "office"))
            }
            #expect(opened.map(\.reference) == ["R-2026-0001", "R-2026-0002", "R-2026-0003"])
            #expect(try await requests.request(reference: "r-2026-0002")?.id == opened[1].id)
            #expect(try await requests.request(reference: "R-2026-2")?.id == opened[1].id)
            #expect(try await requests.request(reference: "3")?.id == opened[2].id)
            #expect(try await requests.request(reference: "R-2025-0002") == nil, "the year must be the year received")
            #expect(try await requests.request(reference: "R-2026-0009") == nil)
            #expect(try await requests.request(reference: "Ann Smith") == nil)
            #expect(StoredRequest.number(inReference: "R-2026-0000") == nil)

            // Another workspace counts its own.
            let hutton = try await fixture.vault(example: "hutton")
            let theirs = try await Requests(vault: hutton).open(
                RequestIntake(kind: .access, subjectID: nil, channel: .letter, receivedOn: received), actor: "office")
            #expect(theirs.reference == "R-2026-0001")

            // Opened at once, from many tasks: every number once, none skipped.
            let more = try await withThrowingTaskGroup(of: StoredRequest.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await Requests(vault: ashe).open(
                            RequestIntake(kind: .erasure, subjectID: nil, channel: .phone, receivedOn: received),
                            actor: "office")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(more.compactMap(\.number)) == Set(4...11))
        }
    }
}
