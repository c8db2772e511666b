/// A case of a register (`console-case`): a breach at `/console/registers/breaches/ID`, a
/// complaint at `/console/registers/complaints/ID`. What the register keeps of it (its facts and
/// clocks), what staff wrote about it (opened for the page, and audited), and the steps left,
/// each a link to its form.
struct CasePage: ConsolePage {
    static let template = "console-case"

    /// A line of the summary list.
    struct Row: Sendable {
        let question: String
        let answer: String
        var answerClass: String?
    }

    /// A step the breach's state allows, as a link to its form.
    struct Step: Sendable {
        let href: String
        let label: String
        /// Whether it is the step that comes next.
        let primary: Bool
    }

    var notice: String?
    /// What kind of case: "Personal data breach", "Complaint".
    let caption: String
    /// The heading: the case and its reference.
    let heading: String
    let state: String
    let facts: [Row]
    let written: [Row]
    let steps: [Step]
}
