/// A casework form (`console-form`), as the GOV.UK Design System lays one out: a caption naming
/// the case, the heading, what the form does, the error summary, the questions (``FormField``)
/// and one button. A form that changes something for good says so above the button.
struct FormPage: ConsolePage {
    static let template = "console-form"

    /// The case the form is about (a breach's reference, say); none for a new one.
    var caption: String?
    let heading: String
    var lede: String?
    /// Where the form posts.
    let action: String
    let fields: [FormField]
    /// The button's words.
    let submit: String
    /// Said above the button of a step that cannot be undone; the button is then red.
    var warning: String?
    var problems: [PageProblem] = []
    /// The page to go back to without sending.
    var back: String?
}
