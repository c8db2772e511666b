public import ArgumentParser
public import CustosCore
public import CustosServices
import Foundation

// The policy's closed word lists, taken as option values; a wrong word is a usage error that
// lists the right ones.
extension MarketingChannel: ExpressibleByArgument {}
extension ConsentSource: ExpressibleByArgument {}
extension ProcessingState: ExpressibleByArgument {}
extension SuppressionScope: ExpressibleByArgument {}
extension SuppressionReason: ExpressibleByArgument {}
extension AudienceWriter.Format: ExpressibleByArgument {}
extension MessageStatus: ExpressibleByArgument {}
extension RequestKind: ExpressibleByArgument {}
extension RequestChannel: ExpressibleByArgument {}
extension FeeCase: ExpressibleByArgument {}
extension ErasureGround: ExpressibleByArgument {}
extension RestrictionGround: ExpressibleByArgument {}
extension RestrictedUseGround: ExpressibleByArgument {}
extension Exemption: ExpressibleByArgument {}
extension BreachRisk: ExpressibleByArgument {}
extension Article34Ground: ExpressibleByArgument {}
extension LawfulBasis: ExpressibleByArgument {}
extension DisclosureExemption: ExpressibleByArgument {}
extension DisclosureRecipientKind: ExpressibleByArgument {}

extension StaffRole {
    /// The roles, as `--role` takes them.
    static var argumentNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// `--role`'s value, or a usage error naming the word given.
    static func parsedArgument(_ text: String) throws -> StaffRole {
        guard let role = StaffRole(rawValue: text) else { throw ValidationError("--role: no role '\(text)'") }
        return role
    }
}

extension CalendarDay: ExpressibleByArgument {
    /// A day written `YYYY-MM-DD`.
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
