import CustosCore
import Foundation
import Testing

/// The clocks that must not bend: bank holidays of each nation and the years they are known for,
/// clarification only while a clock runs, and the complaint acknowledgement's working day.
@Suite("Honest clocks")
struct HonestClockTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test("each nation's own bank holidays move a due date: St Andrew's Day, the Boyne, Easter Monday")
    func nations() throws {
        let scotland = RequestClock(holidays: .shipped(.scotland))
        let northernIreland = RequestClock(holidays: .shipped(.northernIreland))
        let england = RequestClock(holidays: .shipped(.englandAndWales))
        // Started Saturday 30 October 2027: due Tuesday 30 November, St Andrew's Day in Scotland only.
        #expect(scotland.deadline(start: try day("2027-10-30")).due.iso == "2027-12-01")
        #expect(england.deadline(start: try day("2027-10-30")).due.iso == "2027-11-30")
        // Started 12 June 2027: due Monday 12 July, the Battle of the Boyne in Northern Ireland only.
        #expect(northernIreland.deadline(start: try day("2027-06-12")).due.iso == "2027-07-13")
        #expect(england.deadline(start: try day("2027-06-12")).due.iso == "2027-07-12")
        // Easter Monday 2027 (29 March) is no holiday in Scotland; 2 January is.
        #expect(scotland.deadline(start: try day("2027-02-28")).due.iso == "2027-03-29")
        #expect(england.deadline(start: try day("2027-02-28")).due.iso == "2027-03-30")
        #expect(BankHolidays.shipped(.scotland).days[try day("2026-01-02")] == "2nd January")
        #expect(BankHolidays.shipped(.scotland).contains(try day("2026-08-03")), "Scotland's summer holiday")
        #expect(!BankHolidays.shipped(.englandAndWales).contains(try day("2026-08-03")))
        for division in BankHolidays.Division.allCases {
            #expect(BankHolidays.shipped(division).lastYear == 2028, "\(division.rawValue) is shipped to 2028")
        }
        #expect(Nation.wales.holidayDivision == .englandAndWales)
    }

    @Test("a due date past the last year known is given with a warning, gone once GOV.UK's list is imported")
    func beyondKnownYears() throws {
        // Received 1 December 2028: one month later is Monday 1 January 2029, which the shipped list
        // does not know is New Year's Day.
        let shipped = RequestClock(holidays: .englandAndWales)
        let unknown = shipped.deadline(start: try day("2028-12-01"))
        #expect(unknown.due.iso == "2029-01-01")
        #expect(unknown.warning?.contains("2028") == true)
        #expect(unknown.warning?.contains("custos calendar holidays import") == true)
        #expect(shipped.deadline(start: try day("2026-12-01")).warning == nil)

        let file = #"""
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true}]}}
            """#
        let imported = try BankHolidays(govUKJSON: Data(file.utf8), division: "england-and-wales")
        let updated = BankHolidays.englandAndWales.updated(with: imported)
        let known = RequestClock(holidays: updated).deadline(start: try day("2028-12-01"))
        #expect(known.due.iso == "2029-01-02")
        #expect(known.warning == nil)
        #expect(updated.contains(try day("2028-12-25")), "years the file does not cover keep the shipped days")
    }

    @Test("an imported year replaces the shipped one: a holiday moved for an occasion is moved, not doubled")
    func importedYearReplaces() throws {
        let file = #"""
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "Early May bank holiday (moved)", "date": "2027-05-07"}]}}
            """#
        let imported = try BankHolidays(govUKJSON: Data(file.utf8), division: "england-and-wales")
        let updated = BankHolidays.englandAndWales.updated(with: imported)
        #expect(updated.contains(try day("2027-05-07")))
        #expect(!updated.contains(try day("2027-05-03")))
        #expect(updated.contains(try day("2026-05-04")))
        let roundTrip = try BankHolidays(govUKJSON: updated.govUKJSON(), division: "england-and-wales")
        #expect(roundTrip == updated)
    }

    @Test("a clarification is asked only while the clock runs and by the due date")
    func clarificationOnlyInTime() throws {
        var history = RequestHistory(
            kind: .access, receivedOn: try day("2026-09-01"), by: "office", identityShown: true)
        #expect(history.deadline(asOf: try day("2026-09-01"))?.due.iso == "2026-10-01")
        do {
            try history.record(RequestEvent(.clarificationAsked, on: try day("2026-10-05"), by: "dpo"))
            Issue.record("a clarification after the due date moved the date")
        } catch let error as RequestError {
            #expect(error.description.contains("2026-10-01"))
        }
        #expect(history.state == .inProgress)
        #expect(history.deadline(asOf: try day("2026-10-05"))?.due.iso == "2026-10-01")
        try history.record(RequestEvent(.clarificationAsked, on: try day("2026-10-01"), by: "dpo"))
        #expect(history.state == .awaitingClarification)

        var feeAwaited = RequestHistory(
            kind: .access, receivedOn: try day("2026-09-01"), by: "office", identityShown: true, awaitsFee: true)
        #expect(throws: RequestError.self, "no clock runs to stop while the fee is awaited") {
            try feeAwaited.record(RequestEvent(.clarificationAsked, on: try day("2026-09-02"), by: "dpo"))
        }

        // A history recorded before the rule still replays.
        let late = [
            RequestEvent(.received, on: try day("2026-09-01"), by: "office"),
            RequestEvent(.verified, on: try day("2026-09-01"), by: "office"),
            RequestEvent(.clarificationAsked, on: try day("2026-10-05"), by: "dpo"),
        ]
        #expect(try RequestHistory(kind: .access, replaying: late).state == .awaitingClarification)
    }

    @Test("a complaint is acknowledged by a working day, and has no statutory date before the duty began")
    func complaintAcknowledgement() throws {
        let clock = ComplaintClock(holidays: .englandAndWales)
        // 30 days after 25 November 2026 is Christmas Day; Boxing Day is a Saturday, its substitute Monday 28th.
        #expect(clock.acknowledgeBy(receivedOn: try day("2026-11-25"))?.iso == "2026-12-29")
        // 30 days after 19 June 2026 is Sunday 19 July.
        #expect(clock.acknowledgeBy(receivedOn: try day("2026-06-19"))?.iso == "2026-07-20")
        #expect(clock.acknowledgeBy(receivedOn: try day("2026-06-18")) == nil, "before the duty began")
        #expect(clock.targetDay(receivedOn: try day("2026-06-18")).iso == "2026-07-20")
        // 30 days after 1 October 2026 is Saturday 31 October.
        #expect(clock.acknowledgeBy(receivedOn: try day("2026-10-01"))?.iso == "2026-11-02")
    }
}
