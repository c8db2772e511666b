public import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func importedBankHolidays(division: BankHolidays.Division) async throws -> BankHolidays? {
        let events = try readNow { db in
            try String.fetchOne(
                db, sql: "SELECT events FROM bank_holidays WHERE division = ?", arguments: [division.rawValue])
        }
        return try events.map { try Self.holidays($0, division) }
    }

    public func saveImportedBankHolidays(
        _ holidays: BankHolidays, division: BankHolidays.Division, importedBy actor: String, at time: Date
    ) async throws {
        let events = String(decoding: holidays.govUKJSON(), as: UTF8.self)
        try await pool.write { db in
            try db.execute(
                literal: """
                    INSERT INTO bank_holidays (division, events, imported_by, imported_ms)
                    VALUES (\(division.rawValue), \(events), \(actor), \(Self.milliseconds(time)))
                    ON CONFLICT (division) DO UPDATE SET events = excluded.events,
                    imported_by = excluded.imported_by, imported_ms = excluded.imported_ms
                    """)
        }
    }

    /// Imported holidays as kept, read back.
    static func holidays(_ events: String, _ division: BankHolidays.Division) throws -> BankHolidays {
        do {
            return try BankHolidays(govUKJSON: Data(events.utf8), division: division.rawValue)
        } catch {
            throw StoreError.corruptData("the bank holidays kept for \(division.rawValue): \(error.description)")
        }
    }
}
