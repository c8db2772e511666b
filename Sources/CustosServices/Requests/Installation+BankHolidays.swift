public import CustosCore
import CustosStorage
public import Foundation

extension Installation {
    /// What importing a bank-holidays file did for one division.
    public struct BankHolidaysImported: Sendable, Equatable {
        public var division: BankHolidays.Division
        /// The years the file covers for the division.
        public var years: ClosedRange<Int>
        public var holidays: Int
        /// Open requests whose due date moved, across the workspaces in that division.
        public var requestsRedated: Int
    }

    /// Imports GOV.UK's bank-holidays JSON (`https://www.gov.uk/bank-holidays.json`): each UK
    /// division the file lists is kept in place of the shipped list for the years it covers, and
    /// the open requests of every workspace in that division get their due dates worked out
    /// again. Throws ``BankHolidaysError`` naming what is wrong with the file, before anything is
    /// kept.
    public func importBankHolidays(
        _ data: Data, actor: String, at time: Date = Date()
    ) async throws -> [BankHolidaysImported] {
        let divisions = try BankHolidays.divisions(govUKJSON: data)
        let found = BankHolidays.Division.allCases.compactMap { division in
            divisions[division.rawValue].map { (division, $0) }
        }
        guard !found.isEmpty else {
            throw BankHolidaysError(
                "the file lists none of GOV.UK's divisions (\(BankHolidays.Division.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        for (division, holidays) in found where holidays.days.isEmpty {
            throw BankHolidaysError("the file lists no holidays for \(division.rawValue)")
        }
        var imported: [BankHolidaysImported] = []
        for (division, holidays) in found {
            try await store.saveImportedBankHolidays(holidays, division: division, importedBy: actor, at: time)
            let years = holidays.days.keys.map(\.components.year)
            imported.append(
                BankHolidaysImported(
                    division: division, years: (years.min() ?? 0)...(years.max() ?? 0), holidays: holidays.days.count,
                    requestsRedated: 0))
        }
        for workspace in try await workspaces() {
            let vault = try await vault(workspace)
            let division = (vault.policy.controller.nation ?? .england).holidayDivision
            guard let index = imported.firstIndex(where: { $0.division == division }) else { continue }
            // Each workspace records the import in its own log, with the due dates it changed.
            var (redated, changes) = try await Requests(vault: vault).redating(
                of: nil, because: "bank holidays for \(division.rawValue) imported", actor: actor, at: time)
            let years = imported[index].years
            changes.audit.insert(
                vault.event(
                    "calendar.holidays", actor: actor, at: time,
                    detail:
                        "bank holidays for \(division.rawValue) imported: \(imported[index].holidays) days, \(years.lowerBound) to \(years.upperBound)"
                ), at: 0)
            try await store.apply(changes)
            imported[index].requestsRedated += redated.count
        }
        return imported
    }
}
