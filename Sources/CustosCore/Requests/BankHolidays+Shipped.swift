public import Foundation

extension BankHolidays {
    /// The bank holidays Custos ships with, 2023 to 2028, for each UK division, in the form GOV.UK
    /// publishes them (https://www.gov.uk/bank-holidays.json): the regular days by their rules,
    /// with their substitute days, and the one-off days announced by then. Later years (and any
    /// day announced later) come by importing GOV.UK's file (`custos calendar holidays import`),
    /// not by changing code.
    public static let shippedDivisions: [String: BankHolidays] = {
        var divisions: [String: BankHolidays] = [:]
        for division in Division.allCases {
            guard let holidays = try? BankHolidays(govUKJSON: Data(shipped.utf8), division: division.rawValue) else {
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

    static let shipped = #"""
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              {
                "title": "New Year’s Day (substitute day)",
                "date": "2023-01-02"
              },
              {
                "title": "Good Friday",
                "date": "2023-04-07"
              },
              {
                "title": "Easter Monday",
                "date": "2023-04-10"
              },
              {
                "title": "Early May bank holiday",
                "date": "2023-05-01"
              },
              {
                "title": "Bank holiday for the coronation of King Charles III",
                "date": "2023-05-08"
              },
              {
                "title": "Spring bank holiday",
                "date": "2023-05-29"
              },
              {
                "title": "Summer bank holiday",
                "date": "2023-08-28"
              },
              {
                "title": "Christmas Day",
                "date": "2023-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2023-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2024-01-01"
              },
              {
                "title": "Good Friday",
                "date": "2024-03-29"
              },
              {
                "title": "Easter Monday",
                "date": "2024-04-01"
              },
              {
                "title": "Early May bank holiday",
                "date": "2024-05-06"
              },
              {
                "title": "Spring bank holiday",
                "date": "2024-05-27"
              },
              {
                "title": "Summer bank holiday",
                "date": "2024-08-26"
              },
              {
                "title": "Christmas Day",
                "date": "2024-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2024-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2025-01-01"
              },
              {
                "title": "Good Friday",
                "date": "2025-04-18"
              },
              {
                "title": "Easter Monday",
                "date": "2025-04-21"
              },
              {
                "title": "Early May bank holiday",
                "date": "2025-05-05"
              },
              {
                "title": "Spring bank holiday",
                "date": "2025-05-26"
              },
              {
                "title": "Summer bank holiday",
                "date": "2025-08-25"
              },
              {
                "title": "Christmas Day",
                "date": "2025-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2025-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2026-01-01"
              },
              {
                "title": "Good Friday",
                "date": "2026-04-03"
              },
              {
                "title": "Easter Monday",
                "date": "2026-04-06"
              },
              {
                "title": "Early May bank holiday",
                "date": "2026-05-04"
              },
              {
                "title": "Spring bank holiday",
                "date": "2026-05-25"
              },
              {
                "title": "Summer bank holiday",
                "date": "2026-08-31"
              },
              {
                "title": "Christmas Day",
                "date": "2026-12-25"
              },
              {
                "title": "Boxing Day (substitute day)",
                "date": "2026-12-28"
              },
              {
                "title": "New Year’s Day",
                "date": "2027-01-01"
              },
              {
                "title": "Good Friday",
                "date": "2027-03-26"
              },
              {
                "title": "Easter Monday",
                "date": "2027-03-29"
              },
              {
                "title": "Early May bank holiday",
                "date": "2027-05-03"
              },
              {
                "title": "Spring bank holiday",
                "date": "2027-05-31"
              },
              {
                "title": "Summer bank holiday",
                "date": "2027-08-30"
              },
              {
                "title": "Christmas Day (substitute day)",
                "date": "2027-12-27"
              },
              {
                "title": "Boxing Day (substitute day)",
                "date": "2027-12-28"
              },
              {
                "title": "New Year’s Day (substitute day)",
                "date": "2028-01-03"
              },
              {
                "title": "Good Friday",
                "date": "2028-04-14"
              },
              {
                "title": "Easter Monday",
                "date": "2028-04-17"
              },
              {
                "title": "Early May bank holiday",
                "date": "2028-05-01"
              },
              {
                "title": "Spring bank holiday",
                "date": "2028-05-29"
              },
              {
                "title": "Summer bank holiday",
                "date": "2028-08-28"
              },
              {
                "title": "Christmas Day",
                "date": "2028-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2028-12-26"
              }
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [
              {
                "title": "2nd January",
                "date": "2023-01-02"
              },
              {
                "title": "New Year’s Day (substitute day)",
                "date": "2023-01-03"
              },
              {
                "title": "Good Friday",
                "date": "2023-04-07"
              },
              {
                "title": "Early May bank holiday",
                "date": "2023-05-01"
              },
              {
                "title": "Bank holiday for the coronation of King Charles III",
                "date": "2023-05-08"
              },
              {
                "title": "Spring bank holiday",
                "date": "2023-05-29"
              },
              {
                "title": "Summer bank holiday",
                "date": "2023-08-07"
              },
              {
                "title": "St Andrew’s Day",
                "date": "2023-11-30"
              },
              {
                "title": "Christmas Day",
                "date": "2023-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2023-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2024-01-01"
              },
              {
                "title": "2nd January",
                "date": "2024-01-02"
              },
              {
                "title": "Good Friday",
                "date": "2024-03-29"
              },
              {
                "title": "Early May bank holiday",
                "date": "2024-05-06"
              },
              {
                "title": "Spring bank holiday",
                "date": "2024-05-27"
              },
              {
                "title": "Summer bank holiday",
                "date": "2024-08-05"
              },
              {
                "title": "St Andrew’s Day (substitute day)",
                "date": "2024-12-02"
              },
              {
                "title": "Christmas Day",
                "date": "2024-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2024-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2025-01-01"
              },
              {
                "title": "2nd January",
                "date": "2025-01-02"
              },
              {
                "title": "Good Friday",
                "date": "2025-04-18"
              },
              {
                "title": "Early May bank holiday",
                "date": "2025-05-05"
              },
              {
                "title": "Spring bank holiday",
                "date": "2025-05-26"
              },
              {
                "title": "Summer bank holiday",
                "date": "2025-08-04"
              },
              {
                "title": "St Andrew’s Day (substitute day)",
                "date": "2025-12-01"
              },
              {
                "title": "Christmas Day",
                "date": "2025-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2025-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2026-01-01"
              },
              {
                "title": "2nd January",
                "date": "2026-01-02"
              },
              {
                "title": "Good Friday",
                "date": "2026-04-03"
              },
              {
                "title": "Early May bank holiday",
                "date": "2026-05-04"
              },
              {
                "title": "Spring bank holiday",
                "date": "2026-05-25"
              },
              {
                "title": "Summer bank holiday",
                "date": "2026-08-03"
              },
              {
                "title": "St Andrew’s Day",
                "date": "2026-11-30"
              },
              {
                "title": "Christmas Day",
                "date": "2026-12-25"
              },
              {
                "title": "Boxing Day (substitute day)",
                "date": "2026-12-28"
              },
              {
                "title": "New Year’s Day",
                "date": "2027-01-01"
              },
              {
                "title": "2nd January (substitute day)",
                "date": "2027-01-04"
              },
              {
                "title": "Good Friday",
                "date": "2027-03-26"
              },
              {
                "title": "Early May bank holiday",
                "date": "2027-05-03"
              },
              {
                "title": "Spring bank holiday",
                "date": "2027-05-31"
              },
              {
                "title": "Summer bank holiday",
                "date": "2027-08-02"
              },
              {
                "title": "St Andrew’s Day",
                "date": "2027-11-30"
              },
              {
                "title": "Christmas Day (substitute day)",
                "date": "2027-12-27"
              },
              {
                "title": "Boxing Day (substitute day)",
                "date": "2027-12-28"
              },
              {
                "title": "New Year’s Day (substitute day)",
                "date": "2028-01-03"
              },
              {
                "title": "2nd January (substitute day)",
                "date": "2028-01-04"
              },
              {
                "title": "Good Friday",
                "date": "2028-04-14"
              },
              {
                "title": "Early May bank holiday",
                "date": "2028-05-01"
              },
              {
                "title": "Spring bank holiday",
                "date": "2028-05-29"
              },
              {
                "title": "Summer bank holiday",
                "date": "2028-08-07"
              },
              {
                "title": "St Andrew’s Day",
                "date": "2028-11-30"
              },
              {
                "title": "Christmas Day",
                "date": "2028-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2028-12-26"
              }
            ]
          },
          "northern-ireland": {
            "division": "northern-ireland",
            "events": [
              {
                "title": "New Year’s Day (substitute day)",
                "date": "2023-01-02"
              },
              {
                "title": "St Patrick’s Day",
                "date": "2023-03-17"
              },
              {
                "title": "Good Friday",
                "date": "2023-04-07"
              },
              {
                "title": "Easter Monday",
                "date": "2023-04-10"
              },
              {
                "title": "Early May bank holiday",
                "date": "2023-05-01"
              },
              {
                "title": "Bank holiday for the coronation of King Charles III",
                "date": "2023-05-08"
              },
              {
                "title": "Spring bank holiday",
                "date": "2023-05-29"
              },
              {
                "title": "Battle of the Boyne (Orangemen’s Day)",
                "date": "2023-07-12"
              },
              {
                "title": "Summer bank holiday",
                "date": "2023-08-28"
              },
              {
                "title": "Christmas Day",
                "date": "2023-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2023-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2024-01-01"
              },
              {
                "title": "St Patrick’s Day (substitute day)",
                "date": "2024-03-18"
              },
              {
                "title": "Good Friday",
                "date": "2024-03-29"
              },
              {
                "title": "Easter Monday",
                "date": "2024-04-01"
              },
              {
                "title": "Early May bank holiday",
                "date": "2024-05-06"
              },
              {
                "title": "Spring bank holiday",
                "date": "2024-05-27"
              },
              {
                "title": "Battle of the Boyne (Orangemen’s Day)",
                "date": "2024-07-12"
              },
              {
                "title": "Summer bank holiday",
                "date": "2024-08-26"
              },
              {
                "title": "Christmas Day",
                "date": "2024-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2024-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2025-01-01"
              },
              {
                "title": "St Patrick’s Day",
                "date": "2025-03-17"
              },
              {
                "title": "Good Friday",
                "date": "2025-04-18"
              },
              {
                "title": "Easter Monday",
                "date": "2025-04-21"
              },
              {
                "title": "Early May bank holiday",
                "date": "2025-05-05"
              },
              {
                "title": "Spring bank holiday",
                "date": "2025-05-26"
              },
              {
                "title": "Battle of the Boyne (Orangemen’s Day) (substitute day)",
                "date": "2025-07-14"
              },
              {
                "title": "Summer bank holiday",
                "date": "2025-08-25"
              },
              {
                "title": "Christmas Day",
                "date": "2025-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2025-12-26"
              },
              {
                "title": "New Year’s Day",
                "date": "2026-01-01"
              },
              {
                "title": "St Patrick’s Day",
                "date": "2026-03-17"
              },
              {
                "title": "Good Friday",
                "date": "2026-04-03"
              },
              {
                "title": "Easter Monday",
                "date": "2026-04-06"
              },
              {
                "title": "Early May bank holiday",
                "date": "2026-05-04"
              },
              {
                "title": "Spring bank holiday",
                "date": "2026-05-25"
              },
              {
                "title": "Battle of the Boyne (Orangemen’s Day) (substitute day)",
                "date": "2026-07-13"
              },
              {
                "title": "Summer bank holiday",
                "date": "2026-08-31"
              },
              {
                "title": "Christmas Day",
                "date": "2026-12-25"
              },
              {
                "title": "Boxing Day (substitute day)",
                "date": "2026-12-28"
              },
              {
                "title": "New Year’s Day",
                "date": "2027-01-01"
              },
              {
                "title": "St Patrick’s Day",
                "date": "2027-03-17"
              },
              {
                "title": "Good Friday",
                "date": "2027-03-26"
              },
              {
                "title": "Easter Monday",
                "date": "2027-03-29"
              },
              {
                "title": "Early May bank holiday",
                "date": "2027-05-03"
              },
              {
                "title": "Spring bank holiday",
                "date": "2027-05-31"
              },
              {
                "title": "Battle of the Boyne (Orangemen’s Day)",
                "date": "2027-07-12"
              },
              {
                "title": "Summer bank holiday",
                "date": "2027-08-30"
              },
              {
                "title": "Christmas Day (substitute day)",
                "date": "2027-12-27"
              },
              {
                "title": "Boxing Day (substitute day)",
                "date": "2027-12-28"
              },
              {
                "title": "New Year’s Day (substitute day)",
                "date": "2028-01-03"
              },
              {
                "title": "St Patrick’s Day",
                "date": "2028-03-17"
              },
              {
                "title": "Good Friday",
                "date": "2028-04-14"
              },
              {
                "title": "Easter Monday",
                "date": "2028-04-17"
              },
              {
                "title": "Early May bank holiday",
                "date": "2028-05-01"
              },
              {
                "title": "Spring bank holiday",
                "date": "2028-05-29"
              },
              {
                "title": "Battle of the Boyne (Orangemen’s Day)",
                "date": "2028-07-12"
              },
              {
                "title": "Summer bank holiday",
                "date": "2028-08-28"
              },
              {
                "title": "Christmas Day",
                "date": "2028-12-25"
              },
              {
                "title": "Boxing Day",
                "date": "2028-12-26"
              }
            ]
          }
        }
        """#
}
