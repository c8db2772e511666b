/// The purposes PECR sorts cookies into (reg 6 and Schedule A1, from 5 February 2026).
public enum CookieCategory: String, PolicyKeyword {
    /// Needed for the service the person asked for: exempt from consent.
    case strictlyNecessary = "strictly_necessary"
    /// Counting visits to improve the site: exempt only first-party, with information and a
    /// simple, free way to object.
    case statistics
    /// Remembering appearance or functionality choices: exempt with information and a way to object.
    case preferences
    /// Advertising and tracking: always needs consent.
    case marketing

    public var title: String {
        switch self {
        case .strictlyNecessary: "Strictly necessary"
        case .statistics: "Statistics"
        case .preferences: "Preferences"
        case .marketing: "Marketing"
        }
    }
}
