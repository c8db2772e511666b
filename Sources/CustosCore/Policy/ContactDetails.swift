/// How to reach a person or an office: the DPO, a representative, a joint controller, the place
/// requests go to.
public struct ContactDetails: Sendable, Equatable, Decodable {
    /// A person's name or an office's, e.g. "Essex County Council Information Governance Service".
    public var name: String?
    /// A role, e.g. "Assistant Manager".
    public var role: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var website: String?

    public init(
        name: String? = nil, role: String? = nil, email: String? = nil, phone: String? = nil,
        address: String? = nil, website: String? = nil
    ) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
        self.website = website
    }

    /// Whether there is at least one way to get in touch.
    public var hasContactRoute: Bool {
        [email, phone, address, website].contains { !($0?.isBlank ?? true) }
    }

    /// Name and role together, e.g. "Kimberley Edwards (Data Protection Officer)".
    public var displayName: String? {
        switch (name?.nonBlank, role?.nonBlank) {
        case (let name?, let role?): "\(name) (\(role))"
        case (let name?, nil): name
        case (nil, let role?): role
        case (nil, nil): nil
        }
    }
}
