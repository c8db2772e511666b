/// How a purpose that rests on consent asks for it and lets people withdraw it.
public struct ConsentSettings: Sendable, Equatable, Decodable {
    public var mechanism: ConsentMechanism
    /// How to withdraw, in a sentence (Art 7(3), 13(2)(c)).
    public var withdraw: String?
    /// Whether a parent's consent is obtained for children under 13 (Art 8) and, for biometric
    /// data of under-18s, written consent of a parent (Protection of Freedoms Act 2012 s.26).
    public var parental: Bool
    /// The wording shown when consent is asked for.
    public var wording: String?
}
