/// How people may make a request.
public enum RequestChannel: String, PolicyKeyword {
    case web
    case email
    case phone
    case letter
    case inPerson = "in_person"

    public var title: String {
        switch self {
        case .web: "online"
        case .email: "by email"
        case .phone: "by phone"
        case .letter: "by letter"
        case .inPerson: "in person"
        }
    }
}
