import CustosCore
import CustosPostgres
import CustosSQLite
import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import CustosServices

/// The personal-data store's contract, through the vault, on each backend.
@Suite("Vault contract")
struct VaultContractTests {
    func memberContact(
        _ vault: Vault, headEmail: String, mobile: String? = nil, paEmail: String? = nil
    ) throws
        -> RecordInput
    {
        let type = try #require(vault.policy.recordType("member_contact"))
        var values = ["name": "Head Teacher", "school_address": "1 School Lane", "head_email": headEmail]
        if let mobile { values["head_mobile"] = mobile }
        if let paEmail {
            values["pa_name"] = "Pat Assistant"
            values["pa_email"] = paEmail
        }
        let outcome = RecordValidator(recordType: type).validate(values)
        #expect(outcome.isValid, "\(outcome.problems)")
        return RecordInput(type: type, values: outcome.values, source: RecordSource(kind: .form, name: "membership"))
    }

    @Test(
        "a record about two people is sealed per person, found by identifier and read back",
        arguments: TestBackend.available)
    func writeAndRead(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outcome = try await vault.write(
                memberContact(vault, headEmail: "Head@Example.sch.uk", paEmail: "pa@example.sch.uk"), actor: "test")
            guard case .created(let recordID, let subjects, let newSubjects) = outcome else {
                Issue.record("expected a new record, got \(outcome)")
                return
            }
            #expect(newSubjects == 2)
            let head = try #require(subjects["head"])
            let pa = try #require(subjects["pa"])
            #expect(try await vault.subjectIDs(identifierKind: "email", value: " head@example.SCH.uk") == [head])
            #expect(try await vault.subjectIDs(identifierKind: "email", value: "pa@example.sch.uk") == [pa])
            #expect(try await vault.subjectIDs(identifierKind: "email", value: "nobody@example.sch.uk").isEmpty)

            let headView = try await vault.read(subject: head, actor: "test", purpose: "membership", reason: "check")
            #expect(headView.subject.kind == "headteacher")
            #expect(headView.identifierKinds == ["email"])
            let part = try #require(headView.records.first)
            #expect(headView.records.count == 1)
            #expect(part.recordID == recordID)
            #expect(part.role == "head")
            #expect(part.values["head_email"] == "head@example.sch.uk")
            #expect(part.values["pa_email"] == nil)
            #expect(part.source == RecordSource(kind: .form, name: "membership"))
            let paView = try await vault.read(subject: pa, actor: "test")
            #expect(paView.records.first?.values == ["pa_name": "Pat Assistant", "pa_email": "pa@example.sch.uk"])
            #expect(try await vault.read(record: recordID, actor: "test").count == 2)

            // Nothing personal is stored in the clear.
            let stored = try await vault.store.recordParts(ofRecord: recordID, in: vault.workspace.id)
            for part in stored {
                #expect(!String(decoding: part.sealed, as: UTF8.self).contains("example.sch.uk"))
            }
            let actions = try await vault.store.auditEntries(after: 0, limit: 100).map(\.event.action)
            #expect(actions.filter { $0 == "record.create" }.count == 2)
            #expect(actions.contains("subject.read"))
            #expect(actions.contains("record.read"))
        }
    }

    @Test("writing a person's record again updates it: one record per person", arguments: TestBackend.available)
    func upsert(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let first = try await vault.write(memberContact(vault, headEmail: "head@example.sch.uk"), actor: "test")
            let second = try await vault.write(
                memberContact(vault, headEmail: "HEAD@example.sch.uk", mobile: "07700 900123"), actor: "test")
            guard case .updated(let recordID, _) = second else {
                Issue.record("expected an update, got \(second)")
                return
            }
            #expect(recordID == first.recordID)
            let head = try #require(
                try await vault.subjectIDs(identifierKind: "email", value: "head@example.sch.uk").first)
            #expect(try await vault.subjectIDs(identifierKind: "phone", value: "+44 7700 900123") == [head])
            let view = try await vault.read(subject: head, actor: "test")
            #expect(view.records.count == 1)
            #expect(view.records.first?.values["head_mobile"] == "+447700900123")
        }
    }

    @Test(
        "changing a record's fields re-seals only what changed, adds identifiers and a missing role's person",
        arguments: TestBackend.available)
    func update(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let written = try await vault.write(memberContact(vault, headEmail: "head@example.sch.uk"), actor: "t")
            let record = try #require(written.recordID)
            let outcome = try await vault.update(
                record: record,
                changes: ["head_mobile": "07700 900123", "pa_name": "Pat", "pa_email": "pa@example.sch.uk"],
                actor: "t")
            guard case .updated(_, let subjects) = outcome else {
                Issue.record("not updated")
                return
            }
            let head = try #require(subjects["head"])
            let pa = try #require(subjects["pa"])
            #expect(try await vault.subjectIDs(identifierKind: "phone", value: "+447700900123") == [head])
            #expect(try await vault.subjectIDs(identifierKind: "email", value: "pa@example.sch.uk") == [pa])
            let parts = try await vault.read(record: record, actor: "t")
            #expect(parts.first { $0.role == "head" }?.values["head_mobile"] == "+447700900123")
            #expect(parts.first { $0.role == "head" }?.values["name"] == "Head Teacher")
            #expect(parts.first { $0.role == "pa" }?.values == ["pa_name": "Pat", "pa_email": "pa@example.sch.uk"])

            await #expect(throws: VaultError.self) {
                try await vault.update(record: record, changes: ["pa_name": nil, "pa_email": nil], actor: "t")
            }
            let invalid = await #expect(throws: VaultError.self) {
                try await vault.update(record: record, changes: ["head_email": "nope"], actor: "t")
            }
            #expect(invalid?.problems.map(\.field) == ["head_email"])
            #expect(!(invalid?.message.contains("nope") ?? true))
            await #expect(throws: VaultError.self) {
                try await vault.update(record: UUID(), changes: ["name": "X"], actor: "t")
            }
            let after = try await vault.read(record: record, actor: "t")
            #expect(after.map(\.values) == parts.map(\.values), "refused changes change nothing")
        }
    }

    @Test("nothing crosses between workspaces", arguments: TestBackend.available)
    func isolation(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let a = try await fixture.vault(example: "ashe", name: "ashe-a")
            let b = try await fixture.vault(example: "ashe", name: "ashe-b")
            let inA = try await a.write(memberContact(a, headEmail: "head@example.sch.uk"), actor: "test")
            let recordInA = try #require(inA.recordID)
            let subjectInA = try #require(
                try await a.subjectIDs(identifierKind: "email", value: "head@example.sch.uk").first)
            #expect(try await b.subjectIDs(identifierKind: "email", value: "head@example.sch.uk").isEmpty)
            await #expect(throws: VaultError.self) { try await b.read(subject: subjectInA, actor: "test") }
            await #expect(throws: VaultError.self) { try await b.read(record: recordInA, actor: "test") }
            #expect(try await b.store.recordParts(ofSubjects: [subjectInA], in: b.workspace.id).isEmpty)
            #expect(try await b.store.subjects([subjectInA], in: b.workspace.id).isEmpty)
            // The same person in B is a different subject with a different blind index.
            _ = try await b.write(memberContact(b, headEmail: "head@example.sch.uk"), actor: "test")
            let subjectInB = try #require(
                try await b.subjectIDs(identifierKind: "email", value: "head@example.sch.uk").first)
            #expect(subjectInB != subjectInA)
            #expect(
                a.index(kind: "email", value: "head@example.sch.uk")
                    != b.index(kind: "email", value: "head@example.sch.uk"))
        }
    }

    @Test(
        "a changed ciphertext byte, or a ciphertext moved to another record, fails with a clear error",
        arguments: TestBackend.available)
    func tamperedRecord(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let first = try #require(
                try await vault.write(memberContact(vault, headEmail: "a@example.sch.uk"), actor: "t").recordID)
            let second = try #require(
                try await vault.write(memberContact(vault, headEmail: "b@example.sch.uk"), actor: "t").recordID)
            var part = try #require(try await vault.store.recordParts(ofRecord: first, in: vault.workspace.id).first)
            part.sealed[20] ^= 0x01
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.people.recordParts = [part]
            try await vault.store.apply(changes)
            await #expect {
                try await vault.read(record: first, actor: "t")
            } throws: { error in
                (error as? CryptoFailure)?.message
                    == "record \(first) (head) cannot be decrypted: it was altered, or it is not sealed with this key"
            }
            // The first person's untampered ciphertext copied onto the second record does not open either.
            var moved = try #require(try await vault.store.recordParts(ofRecord: second, in: vault.workspace.id).first)
            moved.sealed = try #require(
                try await vault.store.recordParts(ofRecord: first, in: vault.workspace.id).first
            ).sealed
            moved.sealed[20] ^= 0x01
            changes.people.recordParts = [moved]
            try await vault.store.apply(changes)
            await #expect(throws: CryptoFailure.self) { try await vault.read(record: second, actor: "t") }
        }
    }

    @Test(
        "an import keeps the good rows, reports each bad one by line and field, and writes nothing of them",
        arguments: TestBackend.available)
    func importWithBadRows(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("pupil_assessment"))
            let file = try fixture.csv(
                """
                \(VaultFixture.pupilHeading),Notes
                Ann Smith,B801200005001,F,Y,N,K,100,105,EXS,EXS,102.5,Maths,5,
                Bob Jones,A801200005001,M,N,N,N,99,101,EXS,EXS,100,Maths,5,
                Cat Brown,,F,N,N,N,98,97,EXS,EXS,97.5,Maths,5,
                Dan Green,Q801200005002,M,N,N,N,97,96,EXS,EXS,96.5,Paid by 4111 1111 1111 1111,4,
                Eve White,P207000016049,F,N,N,N,95,94,EXS,EXS,94.5,Maths,4,sits near the window
                Fay Black,P207000016049,F,N,N,,95,94,EXS,EXS,94.5,Maths,4,

                """)
            let report = try await RecordImporter.byTheDPO(vault, type, actor: "test").run(
                file: file, dryRun: false)
            #expect(report.rows == 6)
            #expect(report.created == 2)
            #expect(report.rejected == 4)
            let errors = report.problems.filter { !$0.isWarning }.map { "\($0.line) \($0.field)" }
            // Cat Brown has a name but no UPN, and the file is for no school: a name tells pupils
            // apart only within a school, so she is identified by nothing.
            #expect(errors == ["3 upn", "4 pupil_name", "5 subjects", "6 Notes"])
            #expect(report.problems.contains { $0.line == 7 && $0.field == "sen" && $0.isWarning })
            #expect(report.problems.contains { $0.line == 1 && $0.field == "Notes" && $0.isWarning })
            for problem in report.problems { #expect(!problem.message.contains("4111")) }

            #expect(try await vault.subjectIDs(identifierKind: "upn", value: "B801200005001").count == 1)
            #expect(try await vault.subjectIDs(identifierKind: "upn", value: "Q801200005002").isEmpty)
            let fay = try #require(try await vault.subjectIDs(identifierKind: "upn", value: "P207000016049").first)
            let view = try await vault.read(subject: fay, actor: "test")
            let values = try #require(view.records.first?.values)
            #expect(Pseudonymiser.isPseudonym(values["pupil_name"] ?? ""))
            #expect(Pseudonymiser.isPseudonym(values["upn"] ?? ""))
            #expect(view.records.first?.pseudonymised == ["pupil_name", "upn"])
            let recordID = try #require(view.records.first?.recordID)
            let originals = try await vault.reidentify(record: recordID, actor: "dpo", reason: "school asked")
            #expect(originals["pupil"] == ["pupil_name": "Fay Black", "upn": "P207000016049"])
            let audit = try await vault.store.auditEntries(after: 0, limit: 100)
            #expect(audit.contains { $0.event.action == "record.reidentify" && $0.event.reason == "school asked" })
            #expect(audit.contains { $0.event.action == "import.batch" })

            // Run again: the same people are updated, nobody is added.
            let again = try await RecordImporter.byTheDPO(vault, type, actor: "test").run(
                file: file, dryRun: false)
            #expect(again.created == 0)
            #expect(again.updated == 2)
            #expect(again.newSubjects == 0)
            #expect(try await vault.read(subject: fay, actor: "test").records.count == 1)
            #expect(
                values["pupil_name"]
                    == (try await vault.read(subject: fay, actor: "test").records.first?.values["pupil_name"]))
        }
    }

    @Test("a dry run writes nothing", arguments: TestBackend.available)
    func dryRun(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("pupil_assessment"))
            let file = try fixture.csv(
                "\(VaultFixture.pupilHeading)\nAnn Smith,B801200005001,F,Y,N,K,100,105,EXS,EXS,102.5,Maths,5\n")
            let before = try await vault.store.auditHead()
            let report = try await RecordImporter.byTheDPO(vault, type, actor: "t").run(
                file: file, dryRun: true)
            #expect(report.created == 1)
            #expect(try await vault.subjectIDs(identifierKind: "upn", value: "B801200005001").isEmpty)
            #expect(try await vault.store.auditHead()?.sequence == before?.sequence)
        }
    }

    @Test(
        "an erased person's identifier is suppressed: a later import does not bring them back",
        arguments: TestBackend.available)
    func tombstones(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("pupil_assessment"))
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.people.tombstones = [vault.index(kind: "upn", value: "B801200005001")]
            try await vault.store.apply(changes)
            let file = try fixture.csv(
                """
                \(VaultFixture.pupilHeading)
                Ann Smith,b801200005001,F,Y,N,K,100,105,EXS,EXS,102.5,Maths,5
                Eve White,P207000016049,F,N,N,N,95,94,EXS,EXS,94.5,Maths,4
                """)
            let report = try await RecordImporter.byTheDPO(vault, type, actor: "t").run(
                file: file, dryRun: false)
            #expect(report.suppressed == 1)
            #expect(report.created == 1)
            #expect(report.problems.contains { $0.line == 2 && $0.message.contains("erased") })
            #expect(try await vault.subjectIDs(identifierKind: "upn", value: "B801200005001").isEmpty)
        }
    }

    @Test("duplicates sharing an identifier are found and merged, keeping history", arguments: TestBackend.available)
    func merge(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let first = try await vault.write(
                memberContact(vault, headEmail: "a@example.sch.uk", mobile: "07700900123"), actor: "t")
            let finance = try #require(vault.policy.recordType("finance_contact"))
            _ = try await vault.write(
                RecordInput(type: finance, values: ["name": "Sam", "email": "b@example.sch.uk"], source: .person),
                actor: "t")
            let one = try #require(try await vault.subjectIDs(identifierKind: "email", value: "a@example.sch.uk").first)
            let two = try #require(try await vault.subjectIDs(identifierKind: "email", value: "b@example.sch.uk").first)
            #expect(try await vault.duplicateGroups().isEmpty)
            // A contact form with the first person's mobile and the second's email shows they are one person.
            _ = try await vault.write(
                memberContact(vault, headEmail: "b@example.sch.uk", mobile: "07700900123"), actor: "t")
            #expect(try await vault.duplicateGroups() == [[one, two]])

            try await vault.merge(two, into: one, actor: "dpo", reason: "same person")
            #expect(try await vault.duplicateGroups().isEmpty)
            #expect(try await vault.subjectIDs(identifierKind: "email", value: "b@example.sch.uk") == [one])
            let merged = try await vault.read(subject: one, actor: "t")
            #expect(Set(merged.records.map(\.type)) == ["member_contact", "finance_contact"])
            #expect(merged.records.contains { $0.recordID == first.recordID })
            let gone = try await vault.read(subject: two, actor: "t")
            #expect(gone.subject.mergedInto == one)
            #expect(gone.records.isEmpty)
            let actions = try await vault.store.auditEntries(after: 0, limit: 100).map(\.event.action)
            #expect(actions.contains("subject.merge"))
        }
    }

    @Test(
        "schools: a URN is added once, a record naming it puts its person in the school, and an erasure takes them out",
        arguments: TestBackend.available)
    func schools(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let school = try await vault.addSchool(name: "Hutton Primary", urn: "115000", laCode: "881", actor: "t")
            await #expect(throws: VaultError.self) {
                try await vault.addSchool(name: "Again", urn: "115000", laCode: nil, actor: "t")
            }
            let contact = try #require(vault.policy.recordType("contact"))
            let values = [
                "name": "Sam", "school_name": "Hutton Primary", "school_urn": "115000", "email": "sam@example.sch.uk",
            ]
            _ = try await vault.write(RecordInput(type: contact, values: values, source: .person), actor: "t")
            let sam = try await vault.subjectIDs(identifierKind: "email", value: "sam@example.sch.uk")
            #expect(sam.count == 1)
            #expect(try await vault.store.subjectIDs(inSchool: school.id, in: vault.workspace.id) == sam)
            #expect(try await vault.store.schools(in: vault.workspace.id).count == 1)
            // An erased person is no longer one of the school's, in its list, its pages or its count.
            try await vault.erase(subject: try #require(sam.first), actor: "dpo", reason: "request")
            #expect(try await vault.memberIDs(ofSchool: school.id).isEmpty)
            let page = try await vault.memberIDs(ofSchool: school.id, newestFirst: true, limit: 25, offset: 0)
            #expect(page.ids.isEmpty && page.total == 0)
        }
    }

    @Test(
        "master-key rotation rewraps every key; data stays readable and the old key is retired",
        arguments: TestBackend.available)
    func rotation(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            for index in 0..<5 {
                _ = try await vault.write(memberContact(vault, headEmail: "h\(index)@example.sch.uk"), actor: "t")
            }
            let online = try await PrivacyCentreRequests(vault: vault).submit(
                PublicRequest(
                    kind: .access, name: "Pat Online", email: "pat@home.example", details: nil, onBehalf: nil),
                on: .today)
            let oldID = try fixture.keys.ring().current.id
            var rotation = KeyRotation(store: fixture.store, keys: fixture.keys)
            rotation.batchSize = 2
            rotation.settle = .zero
            let summary = try await rotation.rotate(actor: "t")
            #expect(summary.subjectKeys == 5)
            #expect(summary.workspaceKeys == 4)  // blind index, pseudonyms, link signing, requesters
            #expect(summary.retiredKeyIDs == [oldID])
            let fileRing = try MasterKeyRing(
                text: String(contentsOf: fixture.keyFolder.appendingPathComponent("master.key"), encoding: .utf8))
            #expect(fileRing.keys.map(\.id) == [summary.newKeyID])
            #expect(
                try await fixture.store.subjectKeys(notWrappedBy: summary.newKeyID, in: vault.workspace.id, limit: 10)
                    .isEmpty)
            // A process that read the old ring before rotation re-reads the file when it meets the new key.
            let reopened = try await Vault.open(
                store: fixture.store, workspace: vault.workspace,
                keys: MasterKeySource(fileURL: fixture.keyFolder.appendingPathComponent("master.key"), environment: [:])
            )
            let subject = try #require(
                try await reopened.subjectIDs(identifierKind: "email", value: "h3@example.sch.uk").first)
            #expect(
                try await reopened.read(subject: subject, actor: "t").records.first?.values["head_email"]
                    == "h3@example.sch.uk")
            #expect(try await vault.read(subject: subject, actor: "t").records.count == 1)
            // A request made online is still readable: its key is wrapped by a workspace key.
            #expect(
                try await PrivacyCentreRequests(vault: reopened).requester(of: online.id, actor: "t")?.asked.name
                    == "Pat Online")
        }
    }

    @Test("editing, removing or re-ordering audit rows in the database is detected", arguments: TestBackend.available)
    func auditTampering(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            for index in 0..<3 {
                _ = try await vault.write(memberContact(vault, headEmail: "h\(index)@example.sch.uk"), actor: "t")
            }
            let log = AuditLog(store: fixture.store)
            let intact = try await log.verify()
            #expect(intact.failure == nil)
            #expect(intact.verified == 4)
            // The database refuses updates to the log outright.
            await #expect(throws: (any Error).self) {
                try await Self.execute("UPDATE audit_entry SET reason = 'x' WHERE sequence = 2", on: fixture.store)
            }
            // Someone with the database file can drop the guard; the chain still tells.
            try await Self.execute(Self.dropGuard(fixture.store), on: fixture.store)
            try await Self.execute(
                "UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 3", on: fixture.store)
            #expect(try await log.verify().failure?.sequence == 3)
            try await Self.execute("UPDATE audit_entry SET actor = 't' WHERE sequence = 3", on: fixture.store)
            #expect(try await log.verify().failure == nil)
            try await Self.execute("DELETE FROM audit_entry WHERE sequence = 2", on: fixture.store)
            #expect(try await log.verify().failure?.sequence == 2)
        }
    }

    static func dropGuard(_ store: any CustosStore) -> String {
        store is SQLiteStore
            ? "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete"
            : "DROP TRIGGER audit_entry_append_only ON audit_entry"
    }

    /// Runs SQL on the store's database directly, as someone with access to the file or server could.
    /// Runs `sql` straight on the store's database, as someone with access to it could, once the
    /// audit entries written so far are in the chain (PostgreSQL chains them in batches).
    static func execute(_ sql: String, on store: any CustosStore) async throws {
        try await store.chainPendingAudit()
        switch store {
        case let sqlite as SQLiteStore:
            let queue = try DatabaseQueue(path: sqlite.directory.appendingPathComponent(SQLiteStore.fileName).path)
            try await queue.write { try $0.execute(sql: sql) }
        case let postgres as PostgresStore:
            for statement in sql.split(separator: ";") {
                try await postgres.client.query(
                    PostgresQuery(unsafeSQL: String(statement)), logger: Logger(label: "test"))
            }
        default:
            Issue.record("unknown store")
        }
    }
}
