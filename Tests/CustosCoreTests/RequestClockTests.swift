import CustosCore
import Foundation
import Testing

@Suite("The legal clock")
struct RequestClockTests {
    let clock = RequestClock()

    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    func due(_ start: String, extended: Bool = false, paused: Int = 0, clock: RequestClock? = nil) throws -> String {
        (clock ?? self.clock).deadline(start: try day(start), extended: extended, pausedDays: paused).due.iso
    }

    @Test("calendar days: dates, weekdays, months of every length and leap years")
    func calendarDays() throws {
        #expect(try day("1970-01-01").ordinal == 0)
        #expect(try day("1970-01-01").weekday == 4)
        #expect(try day("2026-11-22").weekday == 7)
        #expect(try day("2026-11-23").weekday == 1)
        #expect(try day("2000-02-29").iso == "2000-02-29")
        #expect(CalendarDay(iso: "1900-02-29") == nil)
        #expect(CalendarDay(iso: "2027-02-29") == nil)
        #expect(CalendarDay(iso: "2026-13-01") == nil)
        #expect(CalendarDay(iso: "26-11-22") == nil)
        #expect(try day("1969-12-31").ordinal == -1)
        for ordinal in stride(from: -700_000, to: 800_000, by: 997) {
            let day = CalendarDay(ordinal: ordinal)
            #expect(CalendarDay(iso: day.iso) == day)
        }
        #expect(try day("2026-01-31").adding(months: 1).iso == "2026-02-28")
        #expect(try day("2028-01-31").adding(months: 1).iso == "2028-02-29")
        #expect(try day("2026-12-15").adding(months: 1).iso == "2027-01-15")
        #expect(try day("2026-03-31").adding(months: -1).iso == "2026-02-28")
        #expect(try day("2026-11-03").description == "Tuesday 3 November 2026")
        let london = try #require(TimeZone(identifier: "Europe/London"))
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
        #expect(CalendarDay(Date(timeIntervalSince1970: 1_782_862_200), in: london).iso == "2026-07-01")
    }

    @Test("the ICO's examples: day of receipt is day 1; a month has no 30 February")
    func icoExamples() throws {
        #expect(try due("2025-09-03") == "2025-10-03")
        #expect(try due("2025-01-30") == "2025-02-28")
        #expect(try due("2024-01-30") == "2024-02-29")
        #expect(try due("2026-03-31") == "2026-04-30")
        // Received on a Saturday: still day 1.
        #expect(try due("2026-10-03") == "2026-11-03")
    }

    @Test("a due date on a weekend or bank holiday moves to the next working day")
    func weekendsAndHolidays() throws {
        // 28 February 2026 is a Saturday.
        #expect(try due("2026-01-31") == "2026-03-02")
        #expect(try due("2026-10-07") == "2026-11-09")
        // Christmas Day (Friday), the weekend, and Boxing Day's substitute on Monday 28 December.
        let christmas = clock.deadline(start: try day("2026-11-25"))
        #expect(christmas.due.iso == "2026-12-29")
        #expect(christmas.steps.contains { $0.contains("Christmas Day") })
        #expect(christmas.steps.contains { $0.contains("Boxing Day (substitute day)") })
        // Good Friday and Easter Monday 2026.
        #expect(try due("2026-03-03") == "2026-04-07")
        // New Year's Day 2028 falls on a Saturday; its substitute is Monday 3 January.
        #expect(try due("2027-12-01") == "2028-01-04")
    }

    @Test("an extension gives three months from the start, if taken within the first")
    func extended() throws {
        #expect(try due("2026-01-31", extended: true) == "2026-04-30")
        #expect(try due("2025-11-30", extended: true) == "2026-03-02")
        let start = try day("2026-09-03")
        #expect(clock.mayExtend(start: start, on: try day("2026-10-02")))
        #expect(clock.mayExtend(start: start, on: try day("2026-10-05")))
        #expect(!clock.mayExtend(start: start, on: try day("2026-10-06")))
    }

    @Test("days paused awaiting clarification are added before the weekend rule")
    func pauses() throws {
        #expect(try due("2026-09-03", paused: 5) == "2026-10-08")
        // 3 October 2026 is a Saturday; paused 0 days it moves to Monday 5 October.
        #expect(try due("2026-09-03") == "2026-10-05")
        let deadline = clock.deadline(start: try day("2026-09-03"), pausedDays: 1)
        #expect(deadline.due.iso == "2026-10-05")
        #expect(deadline.steps.count == 4)
    }

    @Test("the fixed 28 days, and the strict reading of 'beginning with'")
    func otherReadings() throws {
        let fixed = RequestClock(period: .fixed28Days)
        #expect(try due("2026-02-02", clock: fixed) == "2026-03-02")
        #expect(try due("2026-11-02", clock: fixed) == "2026-11-30")
        #expect(try due("2026-02-02", extended: true, clock: fixed) == "2026-05-05")
        let strict = RequestClock(endsDayBefore: true)
        #expect(try due("2025-09-03", clock: strict) == "2025-10-02")
        #expect(try due("2026-01-31", clock: strict) == "2026-02-27")
    }

    @Test("bank holidays come from GOV.UK's file; a bad file is refused with the reason")
    func holidaysFile() throws {
        #expect(BankHolidays.englandAndWales.lastDay?.iso == "2028-12-26")
        #expect(BankHolidays.englandAndWales.days.count == 49)
        let update = #"""
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true}]},
             "scotland": {"division": "scotland", "events": []}}
            """#
        let next = try BankHolidays(govUKJSON: Data(update.utf8), division: "england-and-wales")
        #expect(next.contains(try day("2029-01-01")))
        #expect(throws: BankHolidaysError.self) {
            try BankHolidays(govUKJSON: Data(update.utf8), division: "wales")
        }
        #expect(throws: BankHolidaysError.self) {
            try BankHolidays(govUKJSON: Data("[1, 2]".utf8), division: "england-and-wales")
        }
        let badDate = #"{"england-and-wales": {"events": [{"title": "X", "date": "2029-02-30"}]}}"#
        do {
            _ = try BankHolidays(govUKJSON: Data(badDate.utf8), division: "england-and-wales")
            Issue.record("a date that does not exist was taken")
        } catch {
            #expect(error.description.contains("event 1"))
        }
    }

    @Test("a parent's request to see the educational record: 15 school days on the school's calendar")
    func schoolDays() throws {
        let calendar = SchoolCalendar(
            terms: [try day("2026-09-02")...(try day("2026-10-23")), try day("2026-11-02")...(try day("2026-12-18"))],
            closures: [try day("2026-11-02")])
        let holidays = BankHolidays.englandAndWales
        // Received Monday 12 October, a school day: day 1. Half term (26–30 October) and the
        // training day on 2 November are not school days.
        #expect(calendar.schoolDay(15, from: try day("2026-10-12"), holidays: holidays)?.iso == "2026-11-09")
        // Received in half term: counting starts when school does.
        #expect(calendar.schoolDay(1, from: try day("2026-10-28"), holidays: holidays)?.iso == "2026-11-03")
        // Past the calendar's end: no answer, not a wrong one.
        #expect(calendar.schoolDay(15, from: try day("2026-12-14"), holidays: holidays) == nil)
    }
}
