import CustosServices
import Hummingbird

/// The pages of the privacy centre's registration form: the form (``RegistrationFormPage``), made
/// from the policy's record type (``RecordFormView``), with the GOV.UK error summary when it comes
/// back and a warning against a shared address; the "check your email" page
/// (``RegistrationSentPage``); and the two steps of the link (``RegistrationConfirmPage``,
/// ``RegisteredPage``). Each is rendered by ``PublicPages``.
struct RegistrationPages: Sendable {
    /// The page a link that cannot be used, or an address that cannot be registered, shows
    /// (``RegistrationProblemPage``), with `status`.
    func problem(
        _ status: HTTPResponse.Status, _ message: String, registrations: PrivacyCentreRegistrations
    ) -> TextResponse {
        PublicPages.render(
            RegistrationProblemPage(
                title: "This link cannot be used", organisation: registrations.vault.policy.controller.displayName,
                workspace: registrations.vault.workspace.name, message: message),
            status: status)
    }
}
