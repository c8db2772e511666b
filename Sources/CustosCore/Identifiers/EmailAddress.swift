/// An email address, checked for the shape mail systems accept and kept in one form (trimmed, the
/// domain lower-cased) so that the same address finds the same person.
public enum EmailAddress {
    /// The address trimmed with its domain lower-cased, or `nil` when it is not an address.
    ///
    /// The local part is lower-cased too: the providers schools use treat it without case, and one
    /// person must not become two because of a capital letter.
    public static func normalised(_ text: String) -> String? {
        let trimmed = text.trimmed
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return nil }
        guard !local.isEmpty, local.count <= 64, trimmed.count <= 254 else { return nil }
        guard local.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[]\\,;:\"".contains($0) }) else {
            return nil
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return nil }
        }
        return trimmed.lowercased()
    }
}
