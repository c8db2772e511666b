import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// A school leader's page of a large school: a page of people at a time, in the order chosen,
/// each page view one audit entry naming the people it showed, in each one's own trail.
@Suite("A school's people, a page at a time")
struct ConsoleSchoolPagesTests {
    @Test(
        "120 people: 50 a page with the count and the pages either side; each view is one entry in each shown one's trail"
    )
    func paged() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let school = try await fixture.school("Basildon Academy", urn: "100001")
            var added: [UUID] = []
            for index in 0..<120 {
                added.append(try await fixture.bepUser(urn: "100001", email: "teacher\(index)@example.sch.uk"))
            }
            let people = added
            try await fixture.user("head@basildon.example", role: .schoolLeader, school: school)
            let vault = try await fixture.vault("bep")
            let before = try await AuditLog(store: fixture.store).headSequence()
            try await fixture.consoleApp.test(.router) { client in
                let head = try await ConsoleBrowser.signIn(client, "head@basildon.example")
                let (status, first) = try await head.get(client, "/console/school")
                #expect(status == .ok)
                #expect(first.contains("<p>Showing 1 to 50 of 120</p>"))
                #expect(first.contains(#"<a href="/console/school?page=1" rel="next">Next page</a>"#))
                #expect(!first.contains(#"rel="prev""#))
                #expect(first.components(separatedBy: "<tr><td>").count - 1 == 50)
                #expect(first.contains(people[0].uuidString.lowercased()), "the first added comes first")
                let (_, last) = try await head.get(client, "/console/school?page=2")
                #expect(last.contains("<p>Showing 101 to 120 of 120</p>"))
                #expect(!last.contains(#"rel="next""#))
                let (_, newest) = try await head.get(client, "/console/school?order=newest")
                #expect(newest.contains(people[119].uuidString.lowercased()), "the latest added comes first")
                #expect(!newest.contains(people[0].uuidString.lowercased()))
            }
            let entries = try await AuditLog(store: fixture.store).entries(after: before, limit: 1_000)
                .map(\.event).filter { $0.action == "subject.read" && $0.purpose == "colleague_visibility" }
            #expect(entries.map(\.shown.count) == [50, 20, 50], "one entry per page view, naming those shown")
            func views(of person: UUID) async throws -> Int {
                try await AuditLog(store: fixture.store).entries(ofSubject: person, in: vault.workspace.id)
                    .filter { $0.event.purpose == "colleague_visibility" }.count
            }
            #expect(try await views(of: people[0]) == 1, "shown on the first page only")
            #expect(try await views(of: people[119]) == 2, "shown on the last page, and first of the newest")
            #expect(try await views(of: people[60]) == 0, "on a page never opened")
        }
    }
}
