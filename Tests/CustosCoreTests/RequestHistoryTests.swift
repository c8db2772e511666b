import CustosCore
import Foundation
import Testing

@Suite("A request's life")
struct RequestHistoryTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test(
        "the clock starts when identity is shown, stands still while clarification is awaited, and counts to the due date"
    )
    func clock() throws {
        var request = RequestHistory(kind: .access, receivedOn: try day("2026-09-01"), by: "office")
        #expect(request.state == .awaitingVerification)
        #expect(request.deadline(asOf: try day("2026-09-02")) == nil)
        try request.record(RequestEvent(.verified, on: try day("2026-09-03"), by: "office"))
        #expect(request.clockStart?.iso == "2026-09-03")
        // 3 October 2026 is a Saturday.
        #expect(request.deadline(asOf: try day("2026-09-03"))?.due.iso == "2026-10-05")

        try request.record(RequestEvent(.clarificationAsked, on: try day("2026-09-10"), by: "dpo"))
        #expect(request.state == .awaitingClarification)
        // Still waiting on 14 September: four days so far.
        #expect(request.pausedDays(asOf: try day("2026-09-14")) == 4)
        try request.record(RequestEvent(.clarificationReceived, on: try day("2026-09-15"), by: "office"))
        #expect(request.pausedDays(asOf: try day("2026-12-01")) == 5)
        #expect(request.deadline(asOf: try day("2026-09-15"))?.due.iso == "2026-10-08")

        try request.record(RequestEvent(.completed, on: try day("2026-10-01"), by: "dpo"))
        #expect(request.state == .completed)
        #expect(throws: RequestError.self) {
            try request.record(RequestEvent(.refused, on: try day("2026-10-02"), by: "dpo", reason: "late thought"))
        }
    }

    @Test("staff who know the person start the clock on receipt; a lawful fee starts it when paid")
    func startsAndFees() throws {
        let known = RequestHistory(
            kind: .erasure, receivedOn: try day("2026-01-30"), by: "office", identityShown: true)
        #expect(known.state == .inProgress)
        // 28 February 2026 is a Saturday.
        #expect(known.deadline(asOf: try day("2026-01-30"))?.due.iso == "2026-03-02")

        var copies = RequestHistory(
            kind: .access, receivedOn: try day("2026-03-02"), by: "office", identityShown: true, awaitsFee: true)
        #expect(copies.clockStart == nil)
        try copies.record(RequestEvent(.feeReceived, on: try day("2026-03-09"), by: "office"))
        #expect(copies.clockStart?.iso == "2026-03-09")
        #expect(throws: RequestError.self) {
            try copies.record(RequestEvent(.feeReceived, on: try day("2026-03-10"), by: "office"))
        }
        var free = RequestHistory(kind: .access, receivedOn: try day("2026-03-02"), by: "office")
        #expect(throws: RequestError.self) {
            try free.record(RequestEvent(.feeReceived, on: try day("2026-03-03"), by: "office"))
        }
    }

    @Test("an extension needs a reason, is taken once, and only within the first month")
    func extensions() throws {
        var request = RequestHistory(
            kind: .access, receivedOn: try day("2026-01-31"), by: "office", identityShown: true)
        #expect(throws: RequestError.self) {
            try request.record(RequestEvent(.extended, on: try day("2026-02-10"), by: "dpo"))
        }
        var late = request
        // The first month ended on Monday 2 March (28 February was a Saturday).
        #expect(throws: RequestError.self) {
            try late.record(RequestEvent(.extended, on: try day("2026-03-03"), by: "dpo", reason: "complex"))
        }
        try request.record(
            RequestEvent(.extended, on: try day("2026-03-02"), by: "dpo", reason: "records held in three systems"))
        #expect(request.deadline(asOf: try day("2026-03-02"))?.due.iso == "2026-04-30")
        #expect(throws: RequestError.self) {
            try request.record(RequestEvent(.extended, on: try day("2026-03-02"), by: "dpo", reason: "again"))
        }
        var record = RequestHistory(
            kind: .educationalRecord, receivedOn: try day("2026-10-12"), by: "office", identityShown: true)
        #expect(throws: RequestError.self) {
            try record.record(RequestEvent(.extended, on: try day("2026-10-13"), by: "dpo", reason: "busy"))
        }
    }

    @Test("an erasure awaiting the DPO cannot complete until approved; a refusal gives reasons")
    func approvalAndRefusal() throws {
        var erasure = RequestHistory(
            kind: .erasure, receivedOn: try day("2026-11-02"), by: "office", identityShown: true)
        try erasure.record(RequestEvent(.submittedForApproval, on: try day("2026-11-03"), by: "office"))
        #expect(erasure.state == .awaitingApproval)
        #expect(throws: RequestError.self) {
            try erasure.record(RequestEvent(.completed, on: try day("2026-11-03"), by: "office"))
        }
        #expect(throws: RequestError.self) {
            try erasure.record(RequestEvent(.approved, on: try day("2026-11-04"), by: "dpo"))
        }
        try erasure.record(
            RequestEvent(.approved, on: try day("2026-11-04"), by: "dpo", reason: "no exemption applies"))
        try erasure.record(RequestEvent(.completed, on: try day("2026-11-04"), by: "office"))
        #expect(erasure.state == .completed)

        var refused = RequestHistory(kind: .portability, receivedOn: try day("2026-11-02"), by: "office")
        #expect(throws: RequestError.self) {
            try refused.record(RequestEvent(.refused, on: try day("2026-11-03"), by: "dpo", reason: "  "))
        }
        try refused.record(
            RequestEvent(
                .refused, on: try day("2026-11-03"), by: "dpo",
                reason: "the data is processed under public task, not consent or contract (Art 20(3))"))
        #expect(refused.state == .refused)
    }

    @Test("a recorded history replays to the same state, and an impossible one is refused")
    func replay() throws {
        var request = RequestHistory(kind: .access, receivedOn: try day("2026-09-01"), by: "office")
        try request.record(RequestEvent(.verified, on: try day("2026-09-02"), by: "office"))
        try request.record(RequestEvent(.clarificationAsked, on: try day("2026-09-03"), by: "dpo"))
        let replayed = try RequestHistory(kind: .access, replaying: request.events)
        #expect(replayed == request)
        #expect(throws: RequestError.self) {
            try RequestHistory(kind: .access, replaying: Array(request.events.dropFirst()))
        }
        #expect(throws: RequestError.self) {
            try RequestHistory(
                kind: .access,
                replaying: [
                    RequestEvent(.received, on: try day("2026-09-05"), by: "office"),
                    RequestEvent(.verified, on: try day("2026-09-04"), by: "office"),
                ])
        }
    }

    @Test("a parent's educational-record request is due in 15 school days")
    func educationalRecord() throws {
        let calendar = SchoolCalendar(terms: [try day("2026-09-02")...(try day("2026-12-18"))])
        let request = RequestHistory(
            kind: .educationalRecord, receivedOn: try day("2026-12-01"), by: "office", identityShown: true)
        // Only 14 school days are left in the calendar: no date rather than a wrong one.
        #expect(request.deadline(schoolCalendar: calendar, asOf: try day("2026-12-01")) == nil)
        let early = RequestHistory(
            kind: .educationalRecord, receivedOn: try day("2026-11-02"), by: "office", identityShown: true)
        #expect(early.deadline(schoolCalendar: calendar, asOf: try day("2026-11-02"))?.due.iso == "2026-11-20")
    }
}
