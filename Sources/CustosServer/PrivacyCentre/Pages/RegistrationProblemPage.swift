/// `/privacy/{workspace}/register/confirm?token=…` (`privacy-registration-problem`), when the
/// link cannot be used or the address cannot be registered.
struct RegistrationProblemPage: PublicPage {
    static let template = "privacy-registration-problem"

    /// The page's heading, too.
    let title: String
    let organisation: String
    let workspace: String
    /// What went wrong, and what to do.
    let message: String
}
