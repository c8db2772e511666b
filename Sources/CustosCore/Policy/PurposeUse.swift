/// How a purpose uses people's data: identified (the default), or only pseudonymised or
/// anonymised unless the person agreed to be identified (Hutton's research: "anonymised or
/// pseudonymised, unless you have agreed that your information can be used").
public enum PurposeUse: String, PolicyKeyword {
    case identified
    /// Identifying fields are withheld; fields kept as pseudonyms show the pseudonym.
    case pseudonymised
    /// Every field that identifies the person, pseudonyms included, is withheld.
    case anonymised
}
