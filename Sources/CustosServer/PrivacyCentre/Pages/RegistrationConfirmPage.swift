/// `/privacy/{workspace}/register/confirm?token=…`, followed (`privacy-registration-confirm`):
/// asks the person to finish registering, since a GET, as mail scanners make, must confirm nothing.
struct RegistrationConfirmPage: PublicPage {
    static let template = "privacy-registration-confirm"

    let title: String
    let organisation: String
    let workspace: String
    /// The link's token, which the confirming form posts back.
    let token: String
}
