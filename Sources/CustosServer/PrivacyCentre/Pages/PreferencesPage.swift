/// `/privacy/{workspace}/preferences?token=…` (`privacy-preferences-preferences`): what the
/// organisation may send the person, a box a list and channel, grouped by purpose; shown again
/// once saved, or with the problem when nothing was.
struct PreferencesPage: PublicPage {
    static let template = "privacy-preferences-preferences"

    /// A purpose the person hears about, and its lines.
    struct Group: Sendable {
        let name: String
        /// What the purpose is; empty when the policy does not say.
        let description: String?
        let lines: [Line]
    }

    /// A list and channel of a purpose, as a box ticked while the person gets it.
    struct Line: Sendable {
        /// The value the box sends (``PreferenceLine``).
        let id: String
        /// The list's name, else the purpose's.
        let list: String
        /// How it is sent ("By email").
        let channel: String
        let checked: Bool
        /// Why the line is as it is, where the person would not guess; empty otherwise.
        let note: String?
    }

    let organisation: String
    let workspace: String
    /// The link's token, which the forms post back.
    let token: String
    let groups: [Group]
    /// Whether the choices posted were saved.
    let saved: Bool
    /// Why nothing was changed; empty when nothing went wrong.
    let error: String
    let hasError: Bool
}
