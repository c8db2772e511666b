import CustosServices
import Hummingbird

/// The pages of the privacy centre's request form: the form (``RequestFormPage``, with the GOV.UK
/// error summary when it comes back), the "check your email" page (``RequestSentPage``), the two
/// steps of the confirmation link (``RequestConfirmPage``, ``RequestConfirmedPage``), and where
/// requests are not taken online, how to make one (``RequestOfflinePage``). Plain HTML that works
/// without script, every input labelled, readable on a phone. Each is rendered by ``PublicPages``.
struct RequestFormPages: Sendable {
    /// The page a confirmation link that cannot be used shows (``RequestProblemPage``), with `status`.
    func problem(_ status: HTTPResponse.Status, _ message: String, vault: Vault) -> TextResponse {
        PublicPages.render(
            RequestProblemPage(
                title: "This link cannot be used", organisation: vault.policy.controller.displayName,
                workspace: vault.workspace.name, message: message),
            status: status)
    }
}
