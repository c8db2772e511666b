/// `/privacy/{workspace}/register/sent` (`privacy-registration-sent`): "check your email", the
/// same whatever was given.
struct RegistrationSentPage: PublicPage {
    static let template = "privacy-registration-sent"

    let title: String
    let organisation: String
    let workspace: String
    /// How many hours the link lasts, and what was given is kept.
    let hours: Int
}
