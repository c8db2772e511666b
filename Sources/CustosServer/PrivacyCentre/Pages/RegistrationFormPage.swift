/// `/privacy/{workspace}/register` (`privacy-registration-form`): the registration form, made
/// from the policy's record type (``RecordFormView``), shown again with the GOV.UK error summary
/// when it comes back, and a warning when the address given looks shared.
struct RegistrationFormPage: PublicPage {
    static let template = "privacy-registration-form"

    /// A purpose resting on the person's say, as its own box, unticked until they tick it.
    struct Choice: Sendable {
        /// The box's element id.
        let id: String
        let value: String
        let label: String
        /// Said beneath it; none for a purpose with nothing to add.
        let hint: String?
        /// The hint's element id, for `aria-describedby`.
        let hintID: String
        let checked: Bool
    }

    /// "Register", or "Error: Register" when it comes back with problems.
    let title: String
    let organisation: String
    let workspace: String
    /// Whether the lead users at the person's school are told once they have registered.
    let tellsLeads: Bool
    let hasProblems: Bool
    /// The error summary's lines, each linked to its field's element.
    let problems: [PageProblem]
    /// The record type's name.
    let typeName: String
    var typeDescription: String?
    /// The fields the partial `record-form-fields` walks.
    let fields: [RecordFormView.Field]
    let choices: [Choice]
    /// The warning that the address given looks like one others read; none when it does not.
    var sharedAddress: String?
}
