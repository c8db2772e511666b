import CustosCore
import CustosSQLite
import CustosServices
import CustosStorage
import CustosTestSupport
import Foundation
import Testing

/// The audit log as the console pages it, on both backends: a workspace's entries filtered in the
/// database by person, actor, action family and time, newest first, page after page, with a count;
/// and verification that goes on from where this process last checked the chain.
@Suite("The audit log, filtered, paged and verified incrementally")
struct AuditQueryContractTests {
    @Test(
        "filters by person, actor, action and time; pages newest first; counts up to a cap",
        arguments: TestBackend.available)
    func filtered(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let other = try await fixture.vault(example: "bep")
            var subjects: [UUID] = []
            for index in 0..<5 {
                let written = try await vault.write(
                    VaultContractTests().memberContact(vault, headEmail: "h\(index)@example.sch.uk"), actor: "office")
                guard case .created(_, let people, _) = written, let head = people.values.first else {
                    Issue.record("not written: \(written)")
                    return
                }
                subjects.append(head)
            }
            _ = try await vault.read(subject: subjects[0], actor: "dpo")
            try await other.audit([
                AuditEvent(
                    workspaceID: other.workspace.id, time: Date(), actor: "someone", action: "user.sign_in",
                    detail: "another workspace")
            ])
            let log = AuditLog(store: fixture.store)
            let workspace = vault.workspace.id

            let all = try await log.entries(in: workspace, matching: AuditQuery(), limit: 100)
            #expect(all.map(\.sequence) == all.map(\.sequence).sorted(by: >), "newest first")
            #expect(all.allSatisfy { $0.event.workspaceID == workspace }, "no other workspace's entries")
            let total = try await log.count(in: workspace, matching: AuditQuery())
            #expect(total == all.count)
            #expect(try await log.count(in: workspace, matching: AuditQuery(), cap: 3) == 3, "counted up to the cap")

            let aboutFirst = try await log.entries(in: workspace, matching: AuditQuery(subjectID: subjects[0]))
            #expect(!aboutFirst.isEmpty && aboutFirst.allSatisfy { $0.event.subjectID == subjects[0] })
            let byDPO = try await log.entries(in: workspace, matching: AuditQuery(actor: "dpo"))
            #expect(byDPO.count == 1 && byDPO[0].event.actor == "dpo")
            let records = try await log.entries(in: workspace, matching: AuditQuery(action: "record."))
            #expect(records.count >= 5 && records.allSatisfy { $0.event.action.hasPrefix("record.") })
            let exact = try await log.entries(in: workspace, matching: AuditQuery(action: records[0].event.action))
            #expect(exact.allSatisfy { $0.event.action == records[0].event.action })
            #expect(try await log.entries(in: workspace, matching: AuditQuery(action: "record")).isEmpty, "exact")

            let future = try await log.entries(in: workspace, matching: AuditQuery(from: Date().addingTimeInterval(60)))
            #expect(future.isEmpty)
            let past = try await log.entries(
                in: workspace, matching: AuditQuery(until: Date().addingTimeInterval(-3600)))
            #expect(past.isEmpty)

            // Page by page: each page starts before the last one's last entry, and none is missed.
            var seen: [Int64] = []
            var query = AuditQuery()
            while true {
                let page = try await log.entries(in: workspace, matching: query, limit: 2)
                guard let last = page.last else { break }
                seen += page.map(\.sequence)
                query.before = last.sequence
            }
            #expect(seen == all.map(\.sequence))
        }
    }

    @Test(
        "verifying again goes on from where this process last checked: what was written since is checked, the rest on asking",
        arguments: TestBackend.available)
    func incremental(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            for index in 0..<3 {
                _ = try await vault.write(
                    VaultContractTests().memberContact(vault, headEmail: "h\(index)@example.sch.uk"), actor: "t")
            }
            let log = AuditLog(store: fixture.store)
            let whole = try await log.verify()
            #expect(whole.failure == nil && whole.verified == 4)
            _ = try await vault.write(
                VaultContractTests().memberContact(vault, headEmail: "h9@example.sch.uk"), actor: "t")
            let onwards = try await log.verify(incremental: true)
            #expect(onwards.failure == nil && onwards.verified == 5, "the count runs on from the last check")

            // An entry altered after the last check is found by the next incremental check.
            _ = try await vault.write(
                VaultContractTests().memberContact(vault, headEmail: "h10@example.sch.uk"), actor: "t")
            try await VaultContractTests.execute(VaultContractTests.dropGuard(fixture.store), on: fixture.store)
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 6", on: fixture.store)
            #expect(try await log.verify(incremental: true).failure?.sequence == 6)
            // A break forgets the position: the next check starts from the beginning again.
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 't' WHERE sequence = 6", on: fixture.store)
            #expect(try await log.verify(incremental: true).verified == 6)

            // One altered before the last check is found by checking the whole chain.
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 2", on: fixture.store)
            #expect(try await log.verify(incremental: true).failure == nil, "not checked again incrementally")
            #expect(try await log.verify().failure?.sequence == 2)

            // Entries removed from the end are noticed incrementally too.
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 't' WHERE sequence = 2", on: fixture.store)
            #expect(try await log.verify().failure == nil)
            try await VaultContractTests.execute("DELETE FROM audit_entry WHERE sequence = 6", on: fixture.store)
            #expect(try await log.verify(incremental: true).failure != nil)
        }
    }

    @Test(
        "a page of many people is one entry naming each, found in each one's trail and by the person filter; altering whom it names breaks the chain",
        arguments: TestBackend.available)
    func shownPeople(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            var people: [UUID] = []
            for index in 0..<3 {
                let written = try await vault.write(
                    VaultContractTests().memberContact(vault, headEmail: "s\(index)@example.sch.uk"), actor: "t")
                guard case .created(_, let subjects, _) = written, let head = subjects.values.first else {
                    Issue.record("not written: \(written)")
                    return
                }
                people.append(head)
            }
            let before = try await AuditLog(store: fixture.store).headSequence()
            try await vault.audit([
                AuditEvent(
                    workspaceID: vault.workspace.id, time: Date(), actor: "user:head@school.example",
                    action: "subject.read", purpose: "guidance_updates", detail: "2 people shown",
                    shown: [people[0], people[1]])
            ])
            let log = AuditLog(store: fixture.store)
            let entry = try #require(try await log.entries(after: before, limit: 1).first)
            #expect(entry.event.shown == [people[0], people[1]] && entry.event.subjectID == nil)
            for person in people[0...1] {
                #expect(
                    try await log.entries(ofSubject: person, in: vault.workspace.id).first?.sequence == entry.sequence)
                let filtered = try await log.entries(
                    in: vault.workspace.id, matching: AuditQuery(subjectID: person, action: "subject.read"))
                #expect(filtered.map(\.sequence) == [entry.sequence])
            }
            #expect(
                !(try await log.entries(ofSubject: people[2], in: vault.workspace.id)).contains {
                    $0.sequence == entry.sequence
                })
            #expect(try await log.verify().failure == nil)
            try await VaultContractTests.execute(VaultContractTests.dropGuard(fixture.store), on: fixture.store)
            let swapped =
                fixture.store is SQLiteStore
                ? "UPDATE audit_entry SET shown = '\(people[2].uuidString.lowercased())' WHERE sequence = \(entry.sequence)"
                : "UPDATE audit_entry SET shown = ARRAY['\(people[2].uuidString)']::uuid[] WHERE sequence = \(entry.sequence)"
            try await VaultContractTests.execute(swapped, on: fixture.store)
            #expect(try await log.verify().failure?.sequence == entry.sequence)
        }
    }
}
