public import Foundation

extension BankHolidays {
    /// England and Wales, 2023 to 2028, in the form GOV.UK publishes them
    /// (https://www.gov.uk/bank-holidays.json). Later years are added by importing GOV.UK's file
    /// (``BankHolidays/init(govUKJSON:division:)``), not by changing code.
    public static let englandAndWales: BankHolidays = {
        guard let holidays = try? BankHolidays(govUKJSON: Data(shipped.utf8), division: "england-and-wales") else {
            preconditionFailure("the bank holidays shipped with Custos do not read")
        }
        return holidays
    }()

    static let shipped = #"""
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              {
                "title": "New Year’s Day",
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
          }
        }
        """#
}
