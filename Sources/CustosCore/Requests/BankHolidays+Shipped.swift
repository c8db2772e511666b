public import Foundation

extension BankHolidays {
    /// The bank holidays Custos ships with, 2023 to 2028, for each UK division, in the form GOV.UK
    /// publishes them (https://www.gov.uk/bank-holidays.json), in
    /// `Resources/bank-holidays.json`, compiled into the program: the regular days by their rules,
    /// with their substitute days, and the one-off days announced by then. Later years (and any
    /// day announced later) come by importing GOV.UK's file (`custos calendar holidays import`),
    /// not by changing code.
    public static let shippedDivisions: [String: BankHolidays] = {
        var divisions: [String: BankHolidays] = [:]
        for division in Division.allCases {
            guard
                let holidays = try? BankHolidays(
                    govUKJSON: Data(PackageResources.bank_holidays_json), division: division.rawValue)
            else {
                preconditionFailure("the bank holidays shipped with Custos do not read")
            }
            divisions[division.rawValue] = holidays
        }
        return divisions
    }()

    /// England and Wales, as shipped.
    public static var englandAndWales: BankHolidays { shipped(.englandAndWales) }

    /// `division`'s holidays, as shipped.
    public static func shipped(_ division: Division) -> BankHolidays {
        shippedDivisions[division.rawValue] ?? BankHolidays(division: division.rawValue, days: [:])
    }
}
