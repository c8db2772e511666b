/// `/console/records/new` (`console-record-form`): the kinds of record the user may add, or, once
/// one is chosen, its form (``RecordFormView``), shown again with its problems when refused.
struct RecordFormPage: ConsolePage {
    static let template = "console-record-form"

    /// A kind of record the user may add, as the chooser lists it.
    struct Kind: Sendable {
        let id: String
        let name: String
        let description: String?
    }

    /// The kinds to choose from; the chooser shows only while no kind is chosen (`typeName`).
    var types: [Kind] = []
    /// The chosen kind's name; none on the chooser.
    var typeName: String?
    var typeID: String?
    var typeDescription: String?
    /// Whether the kind is about someone already held, so is added from their page.
    var aboutSomeoneHeld = false
    /// The id of the person the record is about, and its short form; none for a new person.
    var subject: String?
    var shortSubject: String?
    /// The form's fields (`record-form-fields`).
    var fields: [RecordFormView.Field] = []
    var problems: [PageProblem] = []
}
