/// What the privacy notice says beyond what the data map gives.
public struct NoticeSettings: Sendable, Equatable, Decodable, ImpliedWhenAbsent {
    public var title: String?
    /// An opening paragraph in the organisation's own words.
    public var introduction: String?
    public var lastUpdated: CalendarDate?
    /// How people are told of changes to the notice, e.g. "We will email you."
    public var changes: String?
    /// Whether people are emailed when a new version changes purposes, recipients or retention (ASSET and BEP
    /// promise it); `custos policy apply` queues the emails.
    public var emailChanges: Bool?
    /// Where the notice is published.
    public var url: String?
    /// The organisation's colour and logo on its public pages.
    public var branding: NoticeBranding?

    static var impliedValue: NoticeSettings {
        NoticeSettings(
            title: nil, introduction: nil, lastUpdated: nil, changes: nil, emailChanges: nil, url: nil, branding: nil)
    }
}
