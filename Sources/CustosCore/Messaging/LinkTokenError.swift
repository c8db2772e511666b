/// Why a link token was refused. The messages say what the person can do; they never echo the token.
public enum LinkTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a token Custos makes (cut short, or not base64url).
    case malformed
    /// The signature does not match: altered, made up, or signed for another workspace.
    case forged
    /// Past its expiry.
    case expired
    /// A token of another kind (a preferences token at the unsubscribe route, say).
    case wrongKind(expected: LinkKind)

    /// The description as a sentence, for a page.
    public var sentence: String { description.capitalizingFirst + "." }

    public var description: String {
        switch self {
        case .malformed: "the link is incomplete: copy the whole link from the email"
        case .forged: "the link is not valid: it was altered, or it is not from this organisation"
        case .expired: "the link has expired: ask for a new one, or use the unsubscribe link in any email"
        case .wrongKind: "the link is for another page: use the link exactly as it came"
        }
    }
}
