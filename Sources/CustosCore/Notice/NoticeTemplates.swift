/// The Mustache templates of the privacy notice, and its stylesheet: `Resources/notice.html.mustache`,
/// `Resources/notice.md.mustache` and `Resources/notice.css`, compiled into the program so that an
/// installed `custos` needs no files beside it. Inside nested sections, optional values are written
/// `{{.name}}`: a bare `{{name}}` that is nil would be looked up in the enclosing sections instead.
/// The templates render a ``NoticePage``: the notice, and how to find the stylesheet.
enum NoticeTemplates {
    static let html = String(decoding: PackageResources.notice_html_mustache, as: UTF8.self)

    static let markdown = String(decoding: PackageResources.notice_md_mustache, as: UTF8.self)

    /// The notice's stylesheet: GOV.UK-like type and colours, AA contrast, visible focus, print-friendly.
    static let stylesheet = String(decoding: PackageResources.notice_css, as: UTF8.self)
}
