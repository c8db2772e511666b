import CustosServices
import Hummingbird

/// The pages of the unsubscribe and preferences links (``UnsubscribePage``, ``UnsubscribedPage``,
/// ``PreferencesPage``): plain HTML, no script, readable on a phone. Each is rendered by
/// ``PublicPages``.
struct PreferencesPages: Sendable {
    /// The page a link that cannot be used shows (``PreferencesProblemPage``), with `status`.
    func problem(_ status: HTTPResponse.Status, _ message: String, vault: Vault) -> TextResponse {
        PublicPages.render(
            PreferencesProblemPage(
                organisation: vault.policy.controller.displayName, workspace: vault.workspace.name, message: message),
            status: status)
    }
}
