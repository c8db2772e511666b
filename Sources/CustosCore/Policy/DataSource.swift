/// A source of a record type's data.
public struct DataSource: Sendable, Equatable, Decodable {
    public var kind: SourceKind
    /// The source's name, e.g. "Ofsted inspection reports".
    public var name: String?
    /// Whether the source is publicly accessible (Art 14(2)(f)).
    public var publiclyAccessible: Bool
    public var description: String?

    /// Whether the data comes from someone other than the person, so that Art 14 applies.
    public var isThirdParty: Bool { kind != .dataSubject }

    /// The name, else the kind's title.
    public var displayName: String { name?.nonBlank ?? kind.title }
}
