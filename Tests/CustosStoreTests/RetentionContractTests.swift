import CustosCore
import CustosServices
import CustosStorage
import Foundation
import Testing

/// The retention engine on each backend, on the seeds' rules: ASHE's "at most 5 years after your
/// last transaction or communication", its "when a headteacher moves post", and Hutton's review
/// of a pupil record 25 years after the pupil's date of birth.
@Suite("Retention")
struct RetentionContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    func at(_ text: String) throws -> Date {
        try day(text).start(in: CalendarDay.clockTimeZone).addingTimeInterval(3600 * 10)
    }

    /// Writes an ASHE head's contact record at `time`; returns their subject id.
    func head(_ vault: Vault, email: String, at time: Date) async throws -> UUID {
        let type = try #require(vault.policy.recordType("member_contact"))
        let outcome = try await vault.write(
            RecordInput(
                type: type, values: ["name": "Head Teacher", "school_address": "1 School Lane", "head_email": email],
                source: .person),
            actor: "office", at: time)
        switch outcome {
        case .created(_, let subjects, _), .updated(_, let subjects): return try #require(subjects["head"])
        case .suppressed, .personNotFound, .schoolNotHeld, .schoolNeeded: throw SeedPeople.ScenarioFailure()
        }
    }

    @Test(
        "ASHE: a head is erased 5 years and 1 day after their last booking, not a day earlier; a booking in between restarts the clock",
        arguments: TestBackend.available)
    func asheFiveYears(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let retention = Retention(vault: vault)
            let ann = try await head(vault, email: "ann@school.example", at: try at("2020-03-10"))
            let bob = try await head(vault, email: "bob@school.example", at: try at("2020-03-10"))
            // Bob books again two years on: the same address finds him, and his clock restarts.
            _ = try await head(vault, email: "bob@school.example", at: try at("2022-06-01"))

            #expect(try await retention.plan(asOf: try day("2025-03-10")).isEmpty, "the fifth year's last day")
            let due = try await retention.plan(asOf: try day("2025-03-11"))
            #expect(due.map(\.subjectID) == [ann])
            let item = try #require(due.first)
            #expect(item.rule == "ashe_five_years" && item.action == .erase && item.recordType == "member_contact")
            #expect(item.triggerOn.iso == "2020-03-10" && item.dueOn.iso == "2025-03-11")

            let report = try await retention.run(asOf: try day("2025-03-11"))
            #expect(report.subjectsErased == 1 && report.subjectsPartlyErased == 0)
            let erased = try await vault.read(subject: ann, actor: "t")
            #expect(erased.records.isEmpty && erased.subject.key == nil && erased.identifierKinds.isEmpty)
            #expect(try await vault.read(subject: bob, actor: "t").records.count == 1)
            #expect(try await retention.plan(asOf: try day("2025-03-11")).isEmpty, "done once")
            #expect(try await retention.plan(asOf: try day("2027-06-01")).isEmpty)
            #expect(try await retention.plan(asOf: try day("2027-06-02")).map(\.subjectID) == [bob])

            // Written to the erasure journal, so a restore re-applies it; no tombstone, so Ann may come back.
            #expect(try await fixture.store.erasureJournal().contains { $0.subjectID == ann })
            let again = try await head(vault, email: "ann@school.example", at: try at("2026-01-05"))
            #expect(again != ann)
            let audit = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            #expect(audit.contains { $0.action == "retention.erase" && $0.subjectID == ann })
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    @Test(
        "a legal hold stops the sweep and its release lets it proceed; an event such as leaving post is a trigger",
        arguments: TestBackend.available)
    func holdsAndEvents(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let retention = Retention(vault: vault)
            let ann = try await head(vault, email: "ann@school.example", at: try at("2020-03-10"))
            let holds = LegalHolds(vault: vault)
            let hold = try await holds.place(
                subject: ann, recordType: nil, reason: "tribunal claim", on: try day("2025-01-01"), actor: "dpo")
            let held = try await retention.plan(asOf: try day("2025-06-01"))
            #expect(held.count == 1 && held.first?.heldBy == hold.id)
            let stopped = try await retention.run(asOf: try day("2025-06-01"))
            #expect(stopped.held == 1 && stopped.subjectsErased == 0)
            #expect(try await vault.read(subject: ann, actor: "t").records.count == 1)
            try await holds.release(hold.id, on: try day("2025-07-01"), actor: "dpo")
            #expect(try await retention.run(asOf: try day("2025-07-01")).subjectsErased == 1)

            // Dee restricted the use of her record (Art 18): it is kept, only stored, until that is lifted.
            let dee = try await head(vault, email: "dee@school.example", at: try at("2020-03-10"))
            let contacts = Contacts(vault: vault)
            try await contacts.setProcessingState(
                .restricted, subject: dee, purpose: nil, reason: "accuracy contested", actor: "dpo")
            let restricted = try await retention.plan(asOf: try day("2025-08-01"))
            #expect(restricted.count == 1 && restricted.first?.restricted == true)
            #expect(try await retention.run(asOf: try day("2025-08-01")).held == 1)
            #expect(try await vault.read(subject: dee, actor: "t").records.count == 1)
            try await contacts.setProcessingState(
                .active, subject: dee, purpose: nil, reason: "settled", personToldOn: try day("2025-08-02"),
                actor: "dpo")
            #expect(try await retention.run(asOf: try day("2025-08-03")).subjectsErased == 1)

            // Cara moves post: her record goes the day after, whatever her last activity.
            let cara = try await head(vault, email: "cara@school.example", at: try at("2026-01-05"))
            await #expect(throws: VaultError.self) {
                try await retention.record(event: "retired", subject: cara, on: try day("2026-02-01"), actor: "office")
            }
            try await retention.record(event: "left_post", subject: cara, on: try day("2026-02-01"), actor: "office")
            #expect(try await retention.plan(asOf: try day("2026-02-01")).isEmpty)
            let left = try await retention.plan(asOf: try day("2026-02-02"))
            #expect(left.map(\.rule) == ["ashe_left_post"] && left.first?.subjectID == cara)
        }
    }

    @Test(
        "Hutton: a pupil record's review falls on date of birth + 25 years, as one task however often the sweep runs",
        arguments: TestBackend.available)
    func huttonReview(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let retention = Retention(vault: vault)
            let type = try #require(vault.policy.recordType("pupil_record"))
            let outcome = try await vault.write(
                RecordInput(
                    type: type,
                    values: [
                        "name": "Ann Smith", "date_of_birth": "2001-05-15", "parent_name": "Jo Smith",
                        "parent_phone": "01277 000000",
                    ], source: .person),
                actor: "office", at: try at("2008-09-03"))
            guard case .created(_, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
            let pupil = try #require(subjects["pupil"])

            #expect(try await retention.plan(asOf: try day("2026-05-14")).isEmpty)
            let due = try await retention.plan(asOf: try day("2026-05-15"))
            #expect(due.count == 1)
            #expect(due.first?.subjectID == pupil && due.first?.action == .review)
            #expect(due.first?.triggerOn.iso == "2001-05-15" && due.first?.dueOn.iso == "2026-05-15")
            #expect(try await retention.run(asOf: try day("2026-05-15")).reviewsAdded == 1)
            #expect(try await retention.run(asOf: try day("2026-05-20")).reviewsAdded == 0)
            let tasks = try await Tasks(vault: vault).list().filter { $0.kind == .retentionReview }
            #expect(tasks.count == 1 && tasks.first?.subjectID == pupil && tasks.first?.dueOn?.iso == "2026-05-15")
            #expect(try await vault.read(subject: pupil, actor: "t").records.count == 1, "a review erases nothing")
        }
    }

    @Test(
        "ASSET: a contact is kept as long as they consent, and erased the day after they withdraw it",
        arguments: TestBackend.available)
    func assetWhileConsented(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let retention = Retention(vault: vault)
            let contacts = Contacts(vault: vault)
            let sam = try await SeedPeople.assetContact(vault, email: "sam@hill.example")
            let kim = try await SeedPeople.assetContact(vault, email: "kim@hill.example", name: "Kim Head")
            let lee = try await SeedPeople.assetContact(vault, email: "lee@hill.example", name: "Lee Head")
            for person in [sam, kim, lee] {
                try await contacts.record(
                    .given, subject: person, purpose: "marketing", channel: .email, source: .webForm, actor: "subject",
                    at: try at("2026-01-05"))
            }
            for person in [sam, kim] {
                try await contacts.record(
                    .withdrawn, subject: person, purpose: "marketing", channel: .email, source: .unsubscribeLink,
                    actor: "subject", at: try at("2026-03-02"))
            }
            // Kim consents again: kept.
            try await contacts.record(
                .given, subject: kim, purpose: "marketing", channel: .email, source: .webForm, actor: "subject",
                at: try at("2026-04-01"))

            #expect(try await retention.plan(asOf: try day("2026-03-02")).isEmpty)
            let due = try await retention.plan(asOf: try day("2026-03-03"))
            #expect(due.map(\.subjectID) == [sam])
            #expect(due.first?.rule == "while_consented" && due.first?.triggerOn.iso == "2026-03-02")
            #expect(try await retention.plan(asOf: try day("2026-05-01")).map(\.subjectID) == [sam])
        }
    }

    @Test(
        "ASSET: each call recording is deleted 12 months after the call, on its own clock",
        arguments: TestBackend.available)
    func assetCallRecordings(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let retention = Retention(vault: vault)
            let type = try #require(vault.policy.recordType("call_recording"))
            var callers: [UUID] = []
            for (index, made) in ["2025-01-10", "2025-09-10"].enumerated() {
                // A call's recording is about a customer already held (the policy's `found_by`).
                let caller = try await SeedPeople.assetContact(vault, email: "caller\(index)@school.example")
                let outcome = try await vault.write(
                    RecordInput(
                        type: type, values: ["recording": "call-\(index).wav"], source: .person,
                        subjects: ["caller": caller], isAnotherRecord: true),
                    actor: "phone system", at: try at(made))
                guard case .created(let record, let subjects, _) = outcome, subjects["caller"] == caller else {
                    throw SeedPeople.ScenarioFailure()
                }
                callers.append(caller)
                #expect(
                    try await vault.read(subject: caller, actor: "t").records.first { $0.type == "call_recording" }?
                        .recordID == record)
            }
            #expect(try await retention.plan(asOf: try day("2026-01-10")).isEmpty)
            let due = try await retention.plan(asOf: try day("2026-01-11"))
            #expect(due.map(\.subjectID) == [callers[0]])
            #expect(due.first?.recordID != nil && due.first?.triggerOn.iso == "2025-01-10")
            #expect(try await retention.run(asOf: try day("2026-01-11")).subjectsPartlyErased == 1)
            let recordings = { (caller: UUID) in
                try await vault.read(subject: caller, actor: "t").records.filter { $0.type == "call_recording" }
            }
            #expect(try await recordings(callers[0]).isEmpty, "the recording went; the customer's contact stays")
            #expect(try await vault.read(subject: callers[0], actor: "t").records.count == 1)
            #expect(try await recordings(callers[1]).count == 1)
            #expect(try await retention.plan(asOf: try day("2026-09-11")).map(\.subjectID) == [callers[1]])
        }
    }

    @Test(
        "anonymising keeps only the rule's statistical fields, apart from anyone, and erases the person's part, once",
        arguments: TestBackend.available)
    func anonymise(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton") { yaml in
                yaml.replacingOccurrences(
                    of: "    offset: 12 months\n    action: erase",
                    with: "    offset: 12 months\n    action: anonymise\n    keep_fields: [usage]")
            }
            #expect(vault.policy.retention.first { $0.id == "site_logs" }?.action == .anonymise)
            let retention = Retention(vault: vault)
            let type = try #require(vault.policy.recordType("site_visit"))
            var visitors: [UUID] = []
            for (made, page) in [("2025-01-10", "term dates"), ("2025-09-10", "uniform")] {
                let outcome = try await vault.write(
                    RecordInput(
                        type: type, values: ["cookie_choices": "analytics refused", "usage": "Read the \(page) page"],
                        source: .person),
                    actor: "website", at: try at(made))
                guard case .created(_, let subjects, _) = outcome, let visitor = subjects["visitor"] else {
                    throw SeedPeople.ScenarioFailure()
                }
                visitors.append(visitor)
            }
            let due = try await retention.plan(asOf: try day("2026-01-11"))
            #expect(due.map(\.action) == [.anonymise] && due.map(\.subjectID) == [visitors[0]])

            let report = try await retention.run(asOf: try day("2026-01-11"))
            #expect(report.recordsAnonymised == 1 && report.subjectsErased == 1)
            let kept = try await retention.anonymisedRecords()
            #expect(kept.map(\.values) == [["usage": "Read the term dates page"]], "the statistical field alone")
            #expect(kept.first?.recordType == "site_visit" && kept.first?.anonymisedOn.iso == "2026-01-11")
            #expect(
                try await retention.anonymisedCSV(ofType: "site_visit")
                    == "anonymised_on,rule,usage\r\n2026-01-11,site_logs,Read the term dates page\r\n")
            #expect(try await vault.read(subject: visitors[0], actor: "t").records.isEmpty, "the person's part erased")
            #expect(try await vault.read(subject: visitors[1], actor: "t").records.count == 1)

            #expect(try await retention.run(asOf: try day("2026-01-11")).recordsAnonymised == 0)
            #expect(try await retention.anonymisedRecords(ofType: "site_visit").count == 1, "once")
            let audit = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event)
            #expect(audit.contains { $0.action == "retention.anonymise" })
            #expect(!audit.contains { ($0.detail ?? "").contains("term dates") })
        }
    }

    @Test(
        "a retention erasure is journalled as such; replayed after a restore it erases again with no tombstone, so the head may come back",
        arguments: TestBackend.available)
    func replayAfterRestore(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "old@school.example")
            // A backup made before the sweep holds the head; the journal made after says what the
            // sweep erased. Replaying it into the restored store erases them again.
            let entry = ErasureJournalEntry(
                workspaceID: vault.workspace.id, subjectID: head, recordTypes: nil, erasedAt: Date(), requestID: nil,
                byRetention: true)
            #expect(
                try await ErasureReplay(store: fixture.store, keys: fixture.keys).replay([entry], actor: "restore")
                    == 1)
            #expect(try await fixture.store.erasureJournal().map(\.byRetention) == [true])
            let gone = try await vault.read(subject: head, actor: "dpo", reason: "check")
            #expect(gone.records.isEmpty && gone.subject.key == nil)
            #expect(
                try await Contacts(vault: vault).suppression(kind: "email", value: "old@school.example") == nil,
                "no suppression")
            let back = try await SeedPeople.head(vault, email: "old@school.example")
            #expect(back != head, "no tombstone: the head books again as a new person")

            // Journal entries exported before the flag existed read as erasures on request.
            let old = #"[{"workspaceID":"\#(vault.workspace.id)","subjectID":"\#(head)","erasedAt":0}]"#
            let decoded = try JSONDecoder().decode([ErasureJournalEntry].self, from: Data(old.utf8))
            #expect(decoded.first?.byRetention == false)
        }
    }

    @Test(
        "West Herts: attendance is reviewed when the course ends, as staff record it",
        arguments: TestBackend.available)
    func westHertsEndOfCourse(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "west-herts")
            let retention = Retention(vault: vault)
            let type = try #require(vault.policy.recordType("delegate_contact"))
            let outcome = try await vault.write(
                RecordInput(
                    type: type, values: ["email": "delegate@school.example", "name": "Pat Delegate"], source: .person),
                actor: "office", at: try at("2026-09-01"))
            guard case .created(_, let subjects, _) = outcome, let delegate = subjects.values.first else {
                throw SeedPeople.ScenarioFailure()
            }
            #expect(try await retention.plan(asOf: try day("2027-01-01")).isEmpty, "still attending")
            try await retention.record(
                event: "end_of_course", subject: delegate, on: try day("2026-12-04"), actor: "office")
            let due = try await retention.plan(asOf: try day("2026-12-04"))
            #expect(due.map(\.rule) == ["course_attendance"] && due.first?.action == .review)
        }
    }

    /// An ASHE head and their PA on one contact record: the record's id and the two people.
    func headAndPA(_ vault: Vault) async throws -> (record: UUID, head: UUID, pa: UUID) {
        let type = try #require(vault.policy.recordType("member_contact"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: [
                    "name": "Head Teacher", "school_address": "1 School Lane", "head_email": "head@school.example",
                    "pa_name": "Pat Assistant", "pa_email": "pa@school.example",
                ],
                source: .person),
            actor: "office")
        guard case .created(let record, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
        return (record, try #require(subjects["head"]), try #require(subjects["pa"]))
    }

    /// What a sweep writes for a person whose every record ran its course: the key destroyed, with
    /// what would find them; their sealed rows wait for the purge.
    func destroyKey(of subject: UUID, in workspace: UUID, _ store: any CustosStore) async throws {
        var changes = ChangeSet(workspaceID: workspace)
        changes.people.subjectUpdates = [.keyDestroyed(subject)]
        changes.people.identifiersRemoved = [subject]
        changes.people.nameWordsRemoved = [subject]
        try await store.apply(changes)
    }

    @Test(
        "a part written in the place of one sealed under a destroyed key, before the purge, is made then: it keeps nothing of the sealed one",
        arguments: TestBackend.available)
    func partInPlaceOfSealedOne(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let (record, head, pa) = try await headAndPA(vault)
            let sealed = try #require(
                try await fixture.store.recordParts(ofRecord: record, in: vault.workspace.id).first {
                    $0.role == "head"
                })
            try await destroyKey(of: head, in: vault.workspace.id, fixture.store)
            // Someone else becomes the record's head (the PA, here) a month on.
            var replacing = sealed
            replacing.subjectID = pa
            replacing.createdAt = Date(
                timeIntervalSince1970: (sealed.createdAt.timeIntervalSince1970 + 30 * 86_400).rounded())
            replacing.updatedAt = replacing.createdAt
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.people.recordParts = [replacing]
            try await fixture.store.apply(changes)
            let part = try await fixture.store.recordParts(ofRecord: record, in: vault.workspace.id)
                .first { $0.role == "head" }
            #expect(part?.subjectID == pa && part?.createdAt == replacing.createdAt)
        }
    }

    @Test(
        "a person a sweep erases by destroying their key is gone from every read at once, and their sealed rows go in the purge after",
        arguments: TestBackend.available)
    func erasedThenPurged(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let (store, workspace) = (fixture.store, vault.workspace.id)
            let (record, head, pa) = try await headAndPA(vault)
            try await destroyKey(of: head, in: workspace, store)

            #expect(try await store.recordTypes(ofSubjects: [head, pa], in: workspace) == [pa: ["member_contact"]])
            #expect(try await store.recordParts(ofSubjects: [head, pa], in: workspace).map(\.subjectID) == [pa])
            #expect(try await store.recordParts(ofRecord: record, in: workspace).map(\.subjectID) == [pa])
            #expect(try await store.contactFacts(ofSubject: head, in: workspace)?.recordTypes.isEmpty == true)
            #expect(try await vault.read(subject: pa, actor: "t").records.count == 1, "the PA's part reads as before")
            #expect(try await store.erasedSubjectsHoldingSealedRows(after: nil, limit: 10, in: workspace) == [head])

            // The purge deletes only what a destroyed key sealed: the PA's part stays.
            var purge = ChangeSet(workspaceID: workspace)
            purge.people.sealedRowsPurged = [head, pa]
            try await store.apply(purge)
            #expect(try await store.erasedSubjectsHoldingSealedRows(after: nil, limit: 10, in: workspace).isEmpty)
            #expect(try await store.recordParts(ofRecord: record, in: workspace).map(\.subjectID) == [pa])
            #expect(try await vault.read(subject: pa, actor: "t").records.count == 1)
        }
    }

    @Test(
        "an attendee whose key is destroyed, as a sweep destroys it, no longer counts as attending: no trainer reaches them",
        arguments: TestBackend.available)
    func erasedAttendeeLeavesTheCourse(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contact = try #require(vault.policy.recordType("contact"))
            let booking = try #require(vault.policy.recordType("course_booking"))
            var people: [UUID] = []
            for (email, name) in [("ann@school.example", "Ann Smith"), ("bob@school.example", "Bob Jones")] {
                let outcome = try await vault.write(
                    RecordInput(
                        type: contact, values: ["name": name, "school_name": "A School", "email": email],
                        source: .person),
                    actor: "office")
                guard case .created(_, let subjects, _) = outcome, let person = subjects["contact"] else {
                    throw SeedPeople.ScenarioFailure()
                }
                people.append(person)
                try await vault.write(
                    RecordInput(
                        type: booking, values: ["email": email, "course": "Leading maths in KS2"], source: .person),
                    actor: "office")
            }
            let (ann, bob) = (people[0], people[1])
            #expect(Set(try await vault.attendeeIDs(ofEvents: ["leading maths in ks2"])) == [ann, bob])

            try await destroyKey(of: ann, in: vault.workspace.id, fixture.store)
            #expect(try await vault.attendeeIDs(ofEvents: ["leading maths in ks2"]) == [bob])
        }
    }

    @Test(
        "a run stopped part-way and run again ends where one uninterrupted run ends",
        arguments: TestBackend.available)
    func interrupted(_ backend: TestBackend) async throws {
        func endState(interrupted: Bool) async throws -> [String] {
            var state: [String] = []
            try await backend.withFixture { fixture in
                let vault = try await fixture.vault(example: "ashe")
                var heads: [UUID] = []
                for index in 0..<5 {
                    heads.append(
                        try await head(vault, email: "h\(index)@school.example", at: try at("2019-01-0\(index + 1)")))
                }
                _ = try await head(vault, email: "recent@school.example", at: try at("2024-01-01"))
                let retention = Retention(vault: vault)
                if interrupted {
                    let first = try await retention.run(asOf: try day("2025-01-01"), batchSize: 2, maxBatches: 1)
                    #expect(first.subjectsErased == 2 && first.sealedRowsPurged == 0)
                    // Stopped before its purge: the two erased hold sealed rows no read counts.
                    let sealed = try await fixture.store.erasedSubjectsHoldingSealedRows(
                        after: nil, limit: 10, in: vault.workspace.id)
                    #expect(Set(sealed) == Set(heads.prefix(2)))
                    #expect(try await fixture.store.recordTypes(ofSubjects: sealed, in: vault.workspace.id).isEmpty)
                }
                let rest = try await retention.run(asOf: try day("2025-01-01"), batchSize: 2)
                #expect(rest.subjectsErased == (interrupted ? 3 : 5) && rest.sealedRowsPurged == 5)
                let sealed = try await fixture.store.erasedSubjectsHoldingSealedRows(
                    after: nil, limit: 10, in: vault.workspace.id)
                state.append("sealed \(sealed.count)")
                for head in heads {
                    let gone = try await fixture.store.subjects([head], in: vault.workspace.id).first?.key == nil
                    state.append("\(gone)")
                }
                let journal = try await fixture.store.erasureJournal()
                state.append("journal \(journal.count)")
                state.append("plan \(try await retention.plan(asOf: try day("2025-01-01")).count)")
            }
            return state
        }
        let once = try await endState(interrupted: false)
        #expect(once == ["sealed 0", "true", "true", "true", "true", "true", "journal 5", "plan 0"])
        #expect(try await endState(interrupted: true) == once)
    }

    @Test(
        "a sweep planned a stretch of people at a time, however small, held or stopped part-way, ends where one plan of everyone ends",
        arguments: TestBackend.available)
    func stretches(_ backend: TestBackend) async throws {
        func endState(stretchSize: Int, maxBatches: Int? = nil) async throws -> [String] {
            var state: [String] = []
            try await backend.withFixture { fixture in
                let vault = try await fixture.vault(example: "ashe")
                var heads: [UUID] = []
                for index in 0..<7 {
                    // Every other head last active six years ago (due), the rest last year.
                    let year = index % 2 == 0 ? "2019" : "2024"
                    heads.append(
                        try await head(vault, email: "h\(index)@school.example", at: try at("\(year)-01-0\(index + 1)"))
                    )
                }
                // One of the heads due is under a legal hold.
                _ = try await LegalHolds(vault: vault).place(
                    subject: heads[2], recordType: nil, reason: "tribunal claim", on: try day("2024-12-01"),
                    actor: "dpo")
                let retention = Retention(vault: vault)
                let whole = try await retention.plan(asOf: try day("2025-01-01"))
                #expect(Set(whole.map(\.subjectID)).count == 4)
                #expect(whole.filter(\.isStopped).map(\.subjectID) == [heads[2]])
                if let maxBatches {
                    let first = try await retention.run(
                        asOf: try day("2025-01-01"), batchSize: 1, stretchSize: stretchSize, maxBatches: maxBatches)
                    #expect(first.subjectsErased == maxBatches, "stretches of \(stretchSize), stopped")
                }
                let report = try await retention.run(
                    asOf: try day("2025-01-01"), batchSize: 1, stretchSize: stretchSize)
                state.append("erased \(report.subjectsErased + (maxBatches ?? 0)), held \(report.held)")
                for head in heads {
                    let gone = try await fixture.store.subjects([head], in: vault.workspace.id).first?.key == nil
                    state.append("\(gone)")
                }
                state.append("journal \(try await fixture.store.erasureJournal().count)")
                state.append("plan \(try await retention.plan(asOf: try day("2025-01-01")).count)")
            }
            return state
        }
        let once = try await endState(stretchSize: 50_000)
        #expect(
            once == [
                "erased 3, held 1", "true", "false", "false", "false", "true", "false", "true", "journal 3", "plan 1",
            ])
        for size in [1, 2, 3] {
            #expect(try await endState(stretchSize: size) == once, "stretches of \(size)")
        }
        #expect(try await endState(stretchSize: 1, maxBatches: 2) == once, "stopped after two people")
    }
}
