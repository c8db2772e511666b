/// The safeguard for a transfer outside the UK.
public struct TransferSafeguard: Sendable, Equatable, Decodable {
    public var mechanism: TransferMechanism
    public var details: String?
    /// How to get a copy of the safeguard (Art 13(1)(f)).
    public var copy: String?
}
