/// `/privacy/{workspace}/unsubscribe` or `/preferences` (`privacy-preferences-problem`), when the
/// link cannot be used or the person's details are no longer held.
struct PreferencesProblemPage: PublicPage {
    static let template = "privacy-preferences-problem"

    let organisation: String
    let workspace: String
    /// What went wrong, and what to do.
    let message: String
}
