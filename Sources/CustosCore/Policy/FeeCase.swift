/// When a fee is charged for a subject access request.
public enum FeeCase: String, PolicyKeyword {
    /// A reasonable fee for a manifestly unfounded or excessive request (Art 12(5)).
    case manifestlyUnfoundedOrExcessive = "manifestly_unfounded_or_excessive"
    /// A reasonable fee for further copies (Art 15(3)).
    case furtherCopies = "further_copies"
    /// A fee for every request: not allowed.
    case everyRequest = "every_request"
}
