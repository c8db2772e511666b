public import Foundation

/// How a person is named in lists, headings and emails, and the normalised words of a name that
/// a blind index of names holds (see ``RecordType/displayNameFields(of:)``).
public enum DisplayName {
    /// Field names that hold a title or honorific ("Mr", "Dr"), never a name on its own.
    static let titleFieldNames: Set<String> = ["title", "salutation", "honorific", "prefix", "name_title"]

    /// Honorifics left out of a name's words: "Mrs Ann Smith" is found as "Ann Smith".
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "sir", "dame", "lady", "lord",
    ]

    /// Whether `field` holds a title rather than a name: by its name, or a label of "Title".
    public static func isTitle(_ field: RecordField) -> Bool {
        titleFieldNames.contains(field.name.lowercased())
            || field.label?.trimmingCharacters(in: .whitespaces).lowercased() == "title"
    }

    /// The name of `role`'s person in a record of `type` holding `values`: its display-name fields'
    /// values joined by spaces; nil when none has a value.
    public static func of(_ values: [String: String], type: RecordType, role: String?) -> String? {
        let parts = type.displayNameFields(of: role).compactMap { field -> String? in
            guard let value = values[field.name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            else { return nil }
            return value
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The words of `name` as the name index holds them: case and accents folded ("Zoë" is
    /// "zoe"), apostrophes dropped ("O'Brien" is "obrien"), split at anything else that is not a
    /// letter or digit ("Smith-Jones" is "smith" and "jones"), honorifics left out, each once, in
    /// the order given.
    public static func words(_ name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
        var seen: Set<String> = []
        var words: [String] = []
        for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        where !honorifics.contains(word) && seen.insert(word).inserted {
            words.append(word)
        }
        return words
    }

    /// The whole name as one key, its words sorted: "Smith, Ann" and "Ann Smith" are the same
    /// name. Nil for a name of fewer than two words, too common to suggest two people are one.
    public static func whole(_ words: [String]) -> String? {
        words.count < 2 ? nil : words.sorted().joined(separator: " ")
    }
}
