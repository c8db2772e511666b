/// Where a record's data comes from, for Art 14 notices and access requests.
public enum SourceKind: String, PolicyKeyword {
    /// The person themselves.
    case dataSubject = "data_subject"
    /// Someone else: a PA booking for the head, a parent for a child.
    case anotherPerson = "another_person"
    /// The person's school or employer.
    case school
    case previousSchool = "previous_school"
    case localAuthority = "local_authority"
    /// A government body such as the Department for Education.
    case government
    /// A source open to the public, such as Ofsted reports or a school's website.
    case publicSource = "public_source"
    case otherOrganisation = "other_organisation"

    /// The source as a sentence names it.
    public var title: String {
        switch self {
        case .dataSubject: "you"
        case .anotherPerson: "another person"
        case .school: "your school or employer"
        case .previousSchool: "a previous school"
        case .localAuthority: "the local authority"
        case .government: "a government body"
        case .publicSource: "a publicly available source"
        case .otherOrganisation: "another organisation"
        }
    }
}
