public import CustosCore
public import Foundation

/// That the person was told of a disclosure made without telling them.
public struct DisclosureTelling: Sendable, Equatable {
    public var disclosureID: UUID
    public var toldOn: CalendarDay

    public init(disclosureID: UUID, toldOn: CalendarDay) {
        self.disclosureID = disclosureID
        self.toldOn = toldOn
    }
}
