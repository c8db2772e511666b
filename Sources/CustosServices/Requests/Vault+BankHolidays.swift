public import CustosCore
import CustosStorage

extension Vault {
    /// The bank holidays the workspace's clocks step over: those of the nation its policy names
    /// (`controller.nation`, England when not given), as shipped, with any list imported from
    /// GOV.UK in place of the shipped one for the years it covers.
    public func bankHolidays() async throws -> BankHolidays {
        let division = (policy.controller.nation ?? .england).holidayDivision
        let shipped = BankHolidays.shipped(division)
        guard let imported = try await store.importedBankHolidays(division: division) else { return shipped }
        return shipped.updated(with: imported)
    }
}
