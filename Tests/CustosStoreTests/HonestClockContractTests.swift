import CustosCore
import CustosServices
import Foundation
import Testing

/// Clocks that cannot be bent or run out, on each backend: a fee only on a lawful ground the
/// policy states, no step dated in the future, the school calendar's gap flagged rather than
/// hidden, and due dates worked out again when the calendar or the bank holidays change.
@Suite("Honest clocks in the register")
struct HonestClockContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test(
        "a fee is awaited only on a ground the law allows and the policy states, and the ground is kept",
        arguments: TestBackend.available)
    func feeGrounds(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            // ASHE's notice: a fee only for manifestly unfounded or excessive requests.
            let ashe = try await fixture.vault(example: "ashe")
            let requests = Requests(vault: ashe)
            let head = try await SeedPeople.head(ashe, email: "head@school.example")
            func intake(_ kind: RequestKind, _ ground: FeeCase?) throws -> RequestIntake {
                RequestIntake(
                    kind: kind, subjectID: head, channel: .email, receivedOn: try day("2026-11-02"),
                    identityShown: true, feeGround: ground)
            }
            for (kind, ground, words) in [
                (RequestKind.access, FeeCase.everyRequest, "requests are free"),
                (.access, .furtherCopies, "rights.fees: manifestly_unfounded_or_excessive"),
                (.erasure, .furtherCopies, "only on an access request"),
            ] {
                do {
                    _ = try await requests.open(try intake(kind, ground), actor: "office")
                    Issue.record("a fee on '\(ground.rawValue)' was taken for \(kind.rawValue)")
                } catch let error as VaultError {
                    #expect(error.message.hasPrefix("fee:"))
                    #expect(error.message.contains(words), "\(error.message)")
                }
            }
            #expect(try await requests.list(includingClosed: true).isEmpty, "nothing was taken in")

            let charged = try await requests.open(
                try intake(.access, .manifestlyUnfoundedOrExcessive), actor: "office")
            #expect(charged.feeGround == .manifestlyUnfoundedOrExcessive)
            #expect(charged.dueOn == nil)
            #expect(charged.clockWaitsFor == .fee)
            let stored = try #require(try await requests.request(charged.id))
            #expect(stored.feeGround == .manifestlyUnfoundedOrExcessive, "the ground is kept")
            let paid = try await requests.record(
                .feeReceived, request: charged.id, on: try day("2026-11-09"), actor: "office")
            #expect(paid.dueOn?.iso == "2026-12-09")
            #expect(paid.clockWaitsFor == nil)

            // BEP's policy says a fee is charged for every request, which the law does not allow:
            // every request there is free.
            let bep = try await fixture.vault(example: "bep", name: "bep")
            do {
                _ = try await Requests(vault: bep).open(
                    RequestIntake(
                        kind: .access, subjectID: nil, channel: .email, receivedOn: try day("2026-11-02"),
                        feeGround: .manifestlyUnfoundedOrExcessive), actor: "office")
                Issue.record("a fee was taken where the policy states no lawful ground")
            } catch let error as VaultError {
                #expect(error.message.contains("requests are free"))
            }
            #expect(try await Requests(vault: bep).list(includingClosed: true).isEmpty)
        }
    }

    @Test(
        "no step is recorded on a day still to come; nothing changes when one is tried",
        arguments: TestBackend.available)
    func noFutureDays(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let requests = Requests(vault: vault)
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let today = CalendarDay.today
            let tomorrow = today.adding(days: 1)
            do {
                _ = try await requests.open(
                    RequestIntake(kind: .access, subjectID: head, channel: .email, receivedOn: tomorrow),
                    actor: "office")
                Issue.record("a request received tomorrow was taken")
            } catch let error as VaultError {
                #expect(error.message.hasPrefix("received: \(tomorrow.iso) is in the future"))
            }
            #expect(try await requests.list(includingClosed: true).isEmpty)

            let access = try await requests.open(
                RequestIntake(kind: .access, subjectID: head, channel: .email, receivedOn: today), actor: "office")
            // Each refusal is for the day (the same step dated today goes through), and keeps nothing.
            func expectFuture(_ field: String, _ step: () async throws -> Void) async {
                do {
                    try await step()
                    Issue.record("\(field): a day still to come was taken")
                } catch let error as VaultError {
                    #expect(error.message.hasPrefix("\(field): "), "\(error.message)")
                    #expect(error.message.contains("is in the future"), "\(error.message)")
                } catch {
                    Issue.record("\(field): \(error)")
                }
            }
            await expectFuture("on") {
                try await requests.record(.verified, request: access.id, on: tomorrow, actor: "office")
            }
            #expect(try await requests.request(access.id)?.state == .awaitingVerification)
            #expect(try await requests.show(access.id, asOf: today).events.count == 1)

            let complaints = Complaints(vault: vault)
            await expectFuture("received") {
                try await complaints.receive(summary: "Letters", channel: .letter, on: tomorrow, actor: "office")
            }
            #expect(try await complaints.list(includingClosed: true).isEmpty)
            await expectFuture("on") {
                try await LegalHolds(vault: vault).place(
                    subject: head, recordType: nil, reason: "claim", on: tomorrow, actor: "dpo")
            }
            #expect(try await LegalHolds(vault: vault).list().isEmpty)
            await expectFuture("discovered") {
                try await Breaches(vault: vault).record(
                    description: "Laptop lost", discoveredAt: Date().addingTimeInterval(86_400),
                    facts: BreachFacts(risk: .risk), actor: "dpo")
            }
            #expect(try await Breaches(vault: vault).list(includingClosed: true).isEmpty)

            try await requests.record(.verified, request: access.id, on: today, actor: "office")
            try await complaints.receive(summary: "Letters", channel: .letter, on: today, actor: "office")
            try await LegalHolds(vault: vault).place(
                subject: head, recordType: nil, reason: "claim", on: today, actor: "dpo")
            try await Breaches(vault: vault).record(
                description: "Laptop lost", discoveredAt: Date(), facts: BreachFacts(risk: .risk), actor: "dpo")
            #expect(try await requests.request(access.id)?.state == .inProgress)
            #expect(try await complaints.list().count == 1)
            #expect(try await LegalHolds(vault: vault).list().count == 1)
            #expect(try await Breaches(vault: vault).list().count == 1)
        }
    }

    @Test(
        "an educational-record request past the school calendar is first in the list, reminded, and dated when a term is added",
        arguments: TestBackend.available)
    func calendarNeeded(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let requests = Requests(vault: vault)
            let calendars = SchoolCalendars(vault: vault)
            try await calendars.addTerm(from: try day("2026-09-03"), to: try day("2026-10-23"), actor: "office")
            let access = try await requests.open(
                RequestIntake(
                    kind: .access, subjectID: nil, channel: .email, receivedOn: try day("2026-10-20"),
                    identityShown: true), actor: "office")
            let record = try await requests.open(
                RequestIntake(
                    kind: .educationalRecord, subjectID: nil, channel: .letter, receivedOn: try day("2026-10-19"),
                    identityShown: true), actor: "office")
            #expect(record.dueOn == nil)
            #expect(record.clockWaitsFor == .schoolCalendar)
            #expect(record.clockWaitsFor?.clockRuns == true)
            #expect(try await requests.list().map(\.id) == [record.id, access.id], "the undated clock comes first")

            let reminders = RequestReminders(vault: vault)
            let due = try await reminders.due(asOf: try day("2026-10-21"))
            #expect(due.map(\.request.id) == [record.id])
            #expect(due.first?.mark == RequestReminder.schoolCalendarMark)

            try await calendars.addTerm(from: try day("2026-11-02"), to: try day("2026-12-18"), actor: "office")
            let dated = try #require(try await requests.request(record.id))
            // Mon 19 Oct to Fri 23 Oct are days 1–5; half term; 2–13 November are days 6–15.
            #expect(dated.dueOn?.iso == "2026-11-13")
            #expect(dated.clockWaitsFor == nil)
            let audit = try await AuditLog(store: fixture.store).entries(limit: 50).map(\.event)
            #expect(
                audit.contains { $0.action == "request.due.recomputed" && $0.detail?.contains("2026-11-13") == true })
        }
    }

    @Test(
        "a Scottish school's clock steps over St Andrew's Day; GOV.UK's list imported re-dates open requests",
        arguments: TestBackend.available)
    func nationsAndImport(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let scottish = try await fixture.vault(example: "hutton", name: "scottish") {
                $0.replacingOccurrences(of: "controller:\n", with: "controller:\n  nation: scotland\n")
            }
            #expect(scottish.policy.controller.nation == .scotland)
            let english = try await fixture.vault(example: "hutton", name: "english")
            func open(_ vault: Vault, _ received: String) async throws -> StoredRequest {
                try await Requests(vault: vault).open(
                    RequestIntake(
                        kind: .access, subjectID: nil, channel: .email, receivedOn: try day(received),
                        identityShown: true), actor: "office")
            }
            // Received 30 October 2026: one month later is Monday 30 November, St Andrew's Day.
            #expect(try await open(scottish, "2026-10-30").dueOn?.iso == "2026-12-01")
            let englishRequest = try await open(english, "2026-11-02")
            #expect(englishRequest.dueOn?.iso == "2026-12-02")

            // GOV.UK announces a holiday on 2 December 2026: the file for 2026 re-dates the English
            // request, and leaves Scotland's list as it was.
            var events = BankHolidays.englandAndWales.days.filter { $0.key.components.year == 2026 }
            events[try day("2026-12-02")] = "A day announced late"
            let file = BankHolidays(division: "england-and-wales", days: events).govUKJSON()
            let installation = Installation(store: fixture.store, keys: fixture.keys)
            let imported = try await installation.importBankHolidays(file, actor: "dpo")
            #expect(imported.map(\.division) == [.englandAndWales])
            #expect(imported.first?.requestsRedated == 1)
            #expect(try await Requests(vault: english).request(englishRequest.id)?.dueOn?.iso == "2026-12-03")
            #expect(try await english.bankHolidays().contains(try day("2026-12-02")))
            #expect(try await english.bankHolidays().contains(try day("2027-12-27")), "later years as shipped")
            #expect(try await !scottish.bankHolidays().contains(try day("2026-12-02")))
            let audit = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event)
            #expect(
                audit.filter { $0.action == "calendar.holidays" }.map(\.workspaceID) == [english.workspace.id],
                "the import is recorded in each workspace of the division, with the dates it changed")

            await #expect(throws: BankHolidaysError.self) {
                try await installation.importBankHolidays(Data(#"{"wales": {"events": []}}"#.utf8), actor: "dpo")
            }
        }
    }
}
