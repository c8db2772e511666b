import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// Finding people by name in the console, and the same person once: possible duplicates
/// suggested, and merged only when staff confirm.
@Suite("Finding people by name, and merging duplicates")
struct ConsolePeopleSearchTests {
    /// Whom `id` was merged into, if anyone.
    private static func mergedInto(_ id: UUID, _ vault: Vault) async throws -> UUID? {
        let everyone = StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy)
        return try await vault.subjects([id], reachableBy: everyone).first?.mergedInto
    }

    @Test("a name finds people within reach, listed by their display names; one search and one read are audited")
    func byName() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let school = try await fixture.school("Basildon Academy", urn: "100001")
            _ = try await fixture.school("Chelmsford High", urn: "100002")
            let jo = try await fixture.bepUser(
                urn: "100001", email: "jo@example.sch.uk", first: "Jo", surname: "Bloggs")
            let other = try await fixture.bepUser(
                urn: "100002", email: "jo2@example.sch.uk", first: "Joanne", surname: "Bloggs")
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.user("head@basildon.example", role: .schoolLeader, school: school)
            let before = try await AuditLog(store: fixture.store).headSequence()
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let (status, page) = try await dpo.search(client, kind: "name-words", value: "bloggs")
                #expect(status == .ok)
                #expect(page.contains(#"<a href="/console/people/\#(jo.uuidString.lowercased())">Jo Bloggs</a>"#))
                #expect(
                    page.contains(#"<a href="/console/people/\#(other.uuidString.lowercased())">Joanne Bloggs</a>"#))
                #expect(page.contains("<p>2 found.</p>"))
                let (_, one) = try await dpo.search(client, kind: "name-words", value: "BLOGGS jo")
                #expect(one.contains(">Jo Bloggs</a>"))
                #expect(!one.contains("Joanne"))
                let (_, none) = try await dpo.search(client, kind: "name-words", value: "Jo Smith")
                #expect(none.contains("No one within your reach has that name."))
                let (refused, blank) = try await dpo.search(client, kind: "name-words", value: "  ")
                #expect(refused == .badRequest)
                #expect(blank.contains("Enter the name to find"))

                // A school leader finds only their own school's people.
                let head = try await ConsoleBrowser.signIn(client, "head@basildon.example")
                let (_, theirs) = try await head.search(client, kind: "name-words", value: "Bloggs")
                #expect(theirs.contains(jo.uuidString.lowercased()))
                #expect(!theirs.contains(other.uuidString.lowercased()))

                // The person's page is headed by their name.
                let (_, person) = try await dpo.get(client, "/console/people/\(jo.uuidString.lowercased())")
                #expect(person.contains("<h1>Jo Bloggs <span class=\"muted\">"))
            }
            let events = try await AuditLog(store: fixture.store).entries(after: before, limit: 1_000).map(\.event)
            let searches = events.filter { $0.action == "subject.search" }
            #expect(searches.count == 4, "one entry per search made (not the blank one), by count, never the words")
            #expect(searches.allSatisfy { !($0.detail ?? "").lowercased().contains("bloggs") })
            let reads = events.filter { $0.action == "subject.read" && $0.reason == "people search results" }
            #expect(reads.count == 3, "one entry per list of results shown")
            #expect(Set(reads.first?.shown ?? []) == [jo, other], "naming each person shown")
        }
    }

    @Test("the same name at one school is suggested on the person's page and in the list, and merged once confirmed")
    func duplicates() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            _ = try await fixture.school("Basildon Academy", urn: "100001")
            let first = try await fixture.bepUser(
                urn: "100001", email: "sam@example.sch.uk", first: "Sam", surname: "Patel")
            let second = try await fixture.bepUser(
                urn: "100001", email: "s.patel@example.sch.uk", first: "sam", surname: "PATEL")
            _ = try await fixture.bepUser(urn: "100001", email: "ann@example.sch.uk", first: "Ann", surname: "Patel")
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.user("staff@bep.example", role: .staff)
            let vault = try await fixture.vault("bep")
            let (firstID, secondID) = (first.uuidString.lowercased(), second.uuidString.lowercased())
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let (_, list) = try await dpo.get(client, "/console/duplicates")
                #expect(list.contains("/console/people/\(firstID)/merge?with=\(secondID)"))
                #expect(list.contains("Review Sam Patel and sam PATEL"))
                #expect(!list.contains(">Ann Patel<"), "a different name is not suggested")
                let (_, page) = try await dpo.get(client, "/console/people/\(secondID)")
                #expect(page.contains("Possibly the same person"))
                #expect(page.contains("/console/people/\(secondID)/merge?with=\(firstID)"))

                let merge = "/console/people/\(firstID)/merge?with=\(secondID)"
                let (formStatus, form) = try await dpo.get(client, merge)
                #expect(formStatus == .ok)
                #expect(form.contains("Which record is kept?"))
                let token = try await dpo.formToken(client)
                // Questions unanswered: said so, and nothing changes.
                let missing = try await dpo.submit(client, merge, form: "", token: token)
                #expect(missing.status == .badRequest)
                #expect(missing.page.contains("Choose which record to keep"))
                #expect(missing.page.contains("Say why these are the same person"))
                // Answered: checked first, and still nothing changes.
                let answers = "keep=\(firstID)&reason=\(ConsoleBrowser.encoded("Same name, school and role"))"
                let check = try await dpo.submit(client, merge, form: answers, token: token)
                #expect(check.status == .ok)
                #expect(check.page.contains("Check before you merge these records"))
                #expect(check.page.contains("This cannot be undone"))
                #expect(try await Self.mergedInto(second, vault) == nil)
                #expect(try await vault.possibleDuplicates() == [[first, second]])

                // Staff may not merge.
                let staff = try await ConsoleBrowser.signIn(client, "staff@bep.example")
                let refused = try await staff.post(
                    client, merge, form: answers + "&confirmed=yes", token: try await staff.formToken(client))
                #expect(refused.0 == .forbidden)
                #expect(try await Self.mergedInto(second, vault) == nil)

                let done = try await dpo.submit(client, merge, form: answers + "&confirmed=yes", token: token)
                #expect(done.status == .seeOther)
                #expect(done.headers[.location] == "/console/people/\(firstID)?done=merge")
                #expect(try await Self.mergedInto(second, vault) == first)
                #expect(try await vault.possibleDuplicates().isEmpty)
                let (_, survivor) = try await dpo.get(client, "/console/people/\(firstID)?done=merge")
                #expect(survivor.contains("Merged: the other record"))
                #expect(!survivor.contains("Possibly the same person"))
                // A pair no longer both there answers 404.
                let (gone, _) = try await dpo.get(client, merge)
                #expect(gone == .notFound)
            }
            let merges = try await AuditLog(store: fixture.store).entries(after: 0, limit: 1_000).map(\.event).filter {
                $0.action == "subject.merge"
            }
            #expect(merges.count == 1)
            #expect(merges.first?.actor.hasPrefix("user:") == true)
        }
    }
}
