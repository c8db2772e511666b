/// The conditions of the soft opt-in, PECR reg 22(3), as the controller meets them; all three
/// must hold. The charity variant is reg 22(3A) (from 5 February 2026).
public struct SoftOptIn: Sendable, Equatable, Decodable {
    /// (a) The details were obtained during a sale, or negotiations for a sale.
    public var detailsFromSale: Bool
    /// (b) The marketing is for the sender's own similar products and services.
    public var similarProducts: Bool
    /// (c) A simple, free way to refuse was offered when the details were collected ...
    public var optOutAtCollection: Bool
    /// (c) ... and is offered in every message.
    public var optOutInEveryMessage: Bool
    /// Whether the charity soft opt-in of reg 22(3A) is relied on instead of (a) and (b).
    public var charity: Bool

    /// Whether the conditions all hold.
    public var isComplete: Bool {
        (charity || (detailsFromSale && similarProducts)) && optOutAtCollection && optOutInEveryMessage
    }
}
