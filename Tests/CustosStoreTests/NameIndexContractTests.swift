import CustosCore
import CustosStorage
import Foundation
import Testing

@testable import CustosServices

/// The blind index of names, through the vault, on each backend: a search by the words of a name,
/// people who may be one person twice, and the index kept true as records change, merge and go.
@Suite("Name index contract")
struct NameIndexContractTests {
    /// The DPO's reach: the whole workspace.
    private func dpo(_ vault: Vault) -> StaffAccess { StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy) }

    private func found(_ vault: Vault, _ name: String) async throws -> Set<UUID> {
        Set(try await vault.subjects(named: name, reachableBy: dpo(vault), actor: "t").map(\.id))
    }

    /// ASHE: a head with a PA, and a booking the PA made for a delegate.
    private func ashe(_ vault: Vault) async throws -> (head: UUID, pa: UUID, delegate: UUID, booker: UUID) {
        let contact = try #require(vault.policy.recordType("member_contact"))
        let booking = try #require(vault.policy.recordType("booking"))
        let written = try await vault.write(
            RecordInput(
                type: contact,
                values: [
                    "name": "Ann Smith", "school_address": "1 School Lane", "head_email": "ann@example.sch.uk",
                    "pa_name": "Pat Assistant", "pa_email": "pat@example.sch.uk",
                ], source: .person), actor: "t")
        let booked = try await vault.write(
            RecordInput(
                type: booking,
                values: [
                    "delegate_name": "Zoë O'Brien-Jones", "delegate_email": "zoe@example.sch.uk",
                    "event": "Leadership 2026", "booked_by": "pat assistant",
                ], source: .person), actor: "t")
        guard case .created(_, let people, _) = written, case .created(_, let bookers, _) = booked else {
            Issue.record("the records were not created")
            throw CancellationError()
        }
        return (
            try #require(people["head"]), try #require(people["pa"]), try #require(bookers["delegate"]),
            try #require(bookers["booker"])
        )
    }

    @Test(
        "a name finds people by its whole words, in any order, case, accents and titles aside",
        arguments: TestBackend.available)
    func search(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let people = try await ashe(vault)
            #expect(try await found(vault, "Ann Smith") == [people.head])
            #expect(try await found(vault, "SMITH, ann") == [people.head])
            #expect(try await found(vault, "Mrs Ann Smith") == [people.head])
            #expect(try await found(vault, "zoe obrien") == [people.delegate])
            #expect(try await found(vault, "Jones") == [people.delegate])
            #expect(try await found(vault, "Pat Assistant") == [people.pa, people.booker])
            // Whole words only, and every word given.
            #expect(try await found(vault, "Smit").isEmpty)
            #expect(try await found(vault, "Ann Jones").isEmpty)
            #expect(try await found(vault, "Mr").isEmpty)
            // A school leader finds only their own school's people.
            let leader = StaffAccess(role: .schoolLeader, schoolID: UUID(), policy: vault.policy)
            #expect(try await vault.subjects(named: "Ann Smith", reachableBy: leader, actor: "t").isEmpty)
            // The search is audited by count, never by the words.
            let searches = try await vault.store.auditEntries(after: 0, limit: 100).filter {
                $0.event.action == "subject.search"
            }
            #expect(searches.count == 9)
            #expect(searches.allSatisfy { !($0.event.detail ?? "").lowercased().contains("smith") })
        }
    }

    @Test(
        "the same whole name at one school is suggested as one person, and merged on confirmation",
        arguments: TestBackend.available)
    func duplicates(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let people = try await ashe(vault)
            // ASHE's PA, named as the head's PA and again as who made a booking.
            #expect(try await vault.possibleDuplicates() == [[people.pa, people.booker]])
            #expect(try await vault.possibleDuplicates(of: people.booker) == [[people.pa, people.booker]])
            #expect(try await vault.possibleDuplicates(of: people.head).isEmpty)

            try await vault.merge(people.booker, into: people.pa, actor: "dpo", reason: "the same PA")
            #expect(try await vault.possibleDuplicates().isEmpty)
            #expect(try await found(vault, "Pat Assistant") == [people.pa])
            let merged = try await vault.read(subject: people.pa, actor: "t")
            #expect(Set(merged.records.map(\.type)) == ["member_contact", "booking"])
        }
    }

    @Test("the index follows a correction and an erasure", arguments: TestBackend.available)
    func keptTrue(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let people = try await ashe(vault)
            let record = try #require(
                try await vault.read(subject: people.head, actor: "t").records.first { $0.type == "member_contact" })
            try await vault.update(record: record.recordID, changes: ["name": "Ann Jones"], actor: "t")
            #expect(try await found(vault, "Ann Smith").isEmpty)
            #expect(try await found(vault, "jones ann") == [people.head])
            // The PA's part of the record was not changed, and is still found.
            #expect(try await found(vault, "Pat Assistant") == [people.pa, people.booker])

            try await vault.erase(subject: people.delegate, actor: "dpo", reason: "request")
            #expect(try await found(vault, "Zoë O'Brien-Jones").isEmpty)
            #expect(try await found(vault, "Jones") == [people.head])
        }
    }

    @Test(
        "a part given twice in one change set ends as given last, its names as each giving left them",
        arguments: TestBackend.available)
    func partGivenTwice(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let people = try await ashe(vault)
            let held = try await vault.store.recordParts(ofSubjects: [people.head], in: vault.workspace.id)
            let part = try #require(held.first { $0.subjectID == people.head })
            let before = try await vault.store.recordParts(ofRecord: part.recordID, in: vault.workspace.id)
            var emptied = part
            emptied.names = RecordPartNames(words: [], whole: nil, replacing: true)
            var later = part
            later.updatedAt = part.updatedAt.addingTimeInterval(60)
            later.names = nil
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.people.recordParts = [emptied, later]
            try await vault.store.apply(changes)

            let now = try await vault.store.recordParts(ofRecord: part.recordID, in: vault.workspace.id)
            #expect(now.count == before.count, "no part was added")
            #expect(now.first { $0.role == part.role }?.updatedAt == later.updatedAt)
            #expect(try await found(vault, "Ann Smith").isEmpty, "the first giving's names were written")
            #expect(try await found(vault, "Pat Assistant") == [people.pa, people.booker])
        }
    }

    @Test("names written before the index are indexed on demand, once audited", arguments: TestBackend.available)
    func indexing(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let people = try await ashe(vault)
            // As after an upgrade: the index is empty.
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.people.recordPartsRemoved = []
            for part in try await vault.store.recordParts(ofSubjects: [people.head], in: vault.workspace.id) {
                var emptied = part
                emptied.names = RecordPartNames(words: [], whole: nil, replacing: true)
                changes.people.recordParts.append(emptied)
            }
            try await vault.store.apply(changes)
            #expect(try await found(vault, "Ann Smith").isEmpty)

            #expect(try await vault.indexNames(actor: "cli:dpo") == 4)
            #expect(try await found(vault, "Ann Smith") == [people.head])
            #expect(try await found(vault, "Pat Assistant") == [people.pa, people.booker])
            let actions = try await vault.store.auditEntries(after: 0, limit: 100).map(\.event.action)
            #expect(actions.filter { $0 == "names.index" }.count == 1)
        }
    }
}
