/// The body of `POST /api/v1/subjects/{subject}/consents`.
struct ConsentCreation: Codable {
    /// `given` or `withdrawn`.
    var action: String
    var purpose: String
    /// Leave out for every channel of the purpose.
    var channel: String?
    /// Leave out for every list of the purpose.
    var list: String?
    /// The words shown; the policy's wording for the purpose when left out.
    var wording: String?
    /// How it reached the organisation: `web_form`, `phone_call`, `paper_form`, `import`, ...
    var source: String
}
