/// When a fee is charged for a subject access request.
public enum FeeCase: String, PolicyKeyword {
    /// A reasonable fee for a manifestly unfounded or excessive request (Art 12(5)).
    case manifestlyUnfoundedOrExcessive = "manifestly_unfounded_or_excessive"
    /// A reasonable fee for further copies (Art 15(3)).
    case furtherCopies = "further_copies"
    /// A fee for every request: not allowed.
    case everyRequest = "every_request"

    /// Whether the law lets a fee be charged on this ground: not for every request.
    public var isLawfulGround: Bool { self != .everyRequest }

    /// The provision that allows the fee.
    public var reference: String {
        switch self {
        case .manifestlyUnfoundedOrExcessive: "UK GDPR Art 12(5)"
        case .furtherCopies: "UK GDPR Art 15(3)"
        case .everyRequest: "none: UK GDPR Art 12(5) makes requests free"
        }
    }

    /// The ground in words, for the register and the person.
    public var plainEnglish: String {
        switch self {
        case .manifestlyUnfoundedOrExcessive: "the request is manifestly unfounded or excessive"
        case .furtherCopies: "further copies were asked for"
        case .everyRequest: "every request"
        }
    }
}
