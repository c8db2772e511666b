/// How a consent or withdrawal reached the organisation, as access requests must show.
public enum ConsentSource: String, PolicyKeyword {
    /// A form on the organisation's website.
    case webForm = "web_form"
    /// The preferences page reached by a signed link.
    case preferencesPage = "preferences_page"
    /// The one-click unsubscribe link in a message.
    case unsubscribeLink = "unsubscribe_link"
    case email
    case phoneCall = "phone_call"
    case paperForm = "paper_form"
    case inPerson = "in_person"
    /// A file of consents brought from another system.
    case `import`
}
