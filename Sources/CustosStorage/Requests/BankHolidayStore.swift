public import CustosCore
public import Foundation

/// Bank holidays imported from GOV.UK's list, by division, for the whole installation: the legal
/// clock uses them in place of the shipped list for every year they cover.
public protocol BankHolidayStore: Sendable {
    /// The holidays last imported for `division`, or nil when none were.
    func importedBankHolidays(division: BankHolidays.Division) async throws -> BankHolidays?

    /// Keeps `holidays` as `division`'s imported list, in place of any before.
    func saveImportedBankHolidays(
        _ holidays: BankHolidays, division: BankHolidays.Division, importedBy actor: String, at time: Date
    ) async throws
}
