/// `/privacy/{workspace}/register/confirm?token=…`, posted (`privacy-registration-registered`):
/// the person is registered.
struct RegisteredPage: PublicPage {
    static let template = "privacy-registration-registered"

    let title: String
    let organisation: String
    let workspace: String
    /// Whether the lead users at the person's school are told of the registration.
    let tellsLeads: Bool
}
