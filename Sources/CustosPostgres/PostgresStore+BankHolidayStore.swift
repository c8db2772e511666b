public import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func importedBankHolidays(division: BankHolidays.Division) async throws -> BankHolidays? {
        for try await events in try await client.query(
            "SELECT events FROM bank_holidays WHERE division = \(division.rawValue)", logger: logger
        ).decode(String.self) {
            do {
                return try BankHolidays(govUKJSON: Data(events.utf8), division: division.rawValue)
            } catch {
                throw StoreError.corruptData("the bank holidays kept for \(division.rawValue): \(error.description)")
            }
        }
        return nil
    }

    public func saveImportedBankHolidays(
        _ holidays: BankHolidays, division: BankHolidays.Division, importedBy actor: String, at time: Date
    ) async throws {
        let events = String(decoding: holidays.govUKJSON(), as: UTF8.self)
        try await client.query(
            """
            INSERT INTO bank_holidays (division, events, imported_by, imported_at)
            VALUES (\(division.rawValue), \(events), \(actor), \(time))
            ON CONFLICT (division) DO UPDATE SET events = excluded.events,
            imported_by = excluded.imported_by, imported_at = excluded.imported_at
            """, logger: logger)
    }
}
