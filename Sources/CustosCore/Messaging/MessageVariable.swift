/// The values every message template may use, besides the fields of the person's records for the
/// template's purpose (by field name).
public enum MessageVariable: String, Sendable, CaseIterable {
    /// The person's name, from their first field in the `user.name` category.
    case name
    /// The organisation's name, as people know it.
    case organisation
    /// The one-click unsubscribe link (marketing messages).
    case unsubscribeURL = "unsubscribe_url"
    /// The person's preferences page, by a signed link that expires.
    case preferencesURL = "preferences_url"
}
