/// Who sets a cookie: the site itself or another domain.
public enum CookieParty: String, PolicyKeyword {
    case first
    case third
}
