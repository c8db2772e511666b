/// The GOV.UK "check your answers" page (`console-check-answers`) before a step that cannot be
/// undone: what is about to happen, each answer with a link to change it, a warning, and the
/// button that takes the step. The answers travel back as hidden fields, with `confirmed=yes`.
struct CheckAnswersPage: ConsolePage {
    static let template = "console-check-answers"

    /// One answer as the summary list shows it.
    struct Row: Sendable {
        let question: String
        let answer: String
    }

    /// A value sent back with the confirmation.
    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    var caption: String?
    let heading: String
    let rows: [Row]
    /// What the step does that cannot be undone.
    let warning: String
    let action: String
    let hidden: [Hidden]
    let submit: String
    /// The page to change the answers on.
    let back: String
}
