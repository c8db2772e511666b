/// `/privacy/{workspace}/request` (`privacy-request-form`): the request form, for people without
/// an account, shown again with the GOV.UK error summary and each field's error when it comes back.
struct RequestFormPage: PublicPage {
    static let template = "privacy-request-form"

    /// A kind of request the policy takes, as a radio button.
    struct Kind: Sendable {
        /// The button's element id: `kind` for the first, which the error summary links to.
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    /// "Make a request", or "Error: Make a request" when it comes back with problems.
    let title: String
    let organisation: String
    let workspace: String
    /// The sentence saying how long an answer takes.
    let deadline: String
    /// What the policy says about checking who the requester is; empty when it says nothing.
    let verification: String?
    let kinds: [Kind]
    /// What was typed, shown again.
    let name: String
    let email: String
    let details: String
    let forSomeoneElse: Bool
    let relationship: String
    let theirName: String
    let competence: String
    let hasProblems: Bool
    /// The error summary's lines, each linked to its field's element.
    let problems: [PageProblem]
    /// Each field's error, beside it; none when the field has no problem.
    var kindError: String?
    var nameError: String?
    var emailError: String?
    var detailsError: String?
    var forSomeoneElseError: String?
    var relationshipError: String?
    var theirNameError: String?
    var competenceError: String?
}
