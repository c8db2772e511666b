/// A channel for direct marketing.
public enum MarketingChannel: String, PolicyKeyword {
    case email
    case sms
    case phone
    case post
    case fax

    /// Whether PECR reg 22 governs it: electronic mail, which includes SMS.
    public var isElectronicMail: Bool { self == .email || self == .sms }
}
