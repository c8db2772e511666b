/// How the controller handles data subject requests.
public struct RightsSettings: Sendable, Equatable, Decodable, ImpliedWhenAbsent {
    /// How identity is checked, in a sentence.
    public var verification: String?
    /// When a fee may be charged; free in every other case.
    public var fees: [FeeCase]
    /// The fee, as the notice states it.
    public var fee: String?
    public var deadline: ResponseDeadline
    /// Whether parents may ask for the educational record (maintained schools in England only).
    public var educationalRecord: Bool
    public var requestChannels: [RequestChannel]
    /// Where requests go, when not to the DPO or controller.
    public var contact: ContactDetails?
    /// Whether an erasure needs the DPO's approval before it runs (ASSET).
    public var erasureNeedsDPOApproval: Bool
    /// What may be withheld from an access request.
    public var withheld: [Exemption]
    /// Where complaints go, when not to the DPO or controller.
    public var complaints: ContactDetails?

    static var impliedValue: RightsSettings {
        RightsSettings(
            verification: nil, fees: [], fee: nil, deadline: .oneMonth, educationalRecord: false,
            requestChannels: [], contact: nil, erasureNeedsDPOApproval: false, withheld: [], complaints: nil)
    }
}
