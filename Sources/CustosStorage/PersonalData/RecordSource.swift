/// Where a record came from; access requests and Art 14 notices must name it.
public struct RecordSource: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: Kind
    /// The form's or organisation's name; none for the person themselves or an imported file
    /// (whose name may name people).
    public var name: String?

    public init(kind: Kind, name: String? = nil) {
        self.kind = kind
        self.name = name
    }

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The person themselves.
        case person
        /// A named form (the booking form, the registration form).
        case form
        /// A file imported by staff.
        case importFile = "import"
        /// Someone or something outside: Ofsted data, the previous school, the local authority.
        case external
        /// Staff typing it in (from a call, a letter, a conversation).
        case staff
    }

    public static let person = RecordSource(kind: .person)

    public var description: String {
        switch kind {
        case .person: "the person"
        case .form: "form: \(name ?? "unnamed")"
        case .importFile: name.map { "import: \($0)" } ?? "a file imported by staff"
        case .external: "external: \(name ?? "unnamed source")"
        case .staff: "entered by staff\(name.map { " (\($0))" } ?? "")"
        }
    }
}
