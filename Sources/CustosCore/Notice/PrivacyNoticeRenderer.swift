import Mustache

/// The formats the notice is rendered in.
public enum NoticeFormat: String, Sendable, CaseIterable {
    case html
    case md
}

/// Renders a ``PrivacyNotice`` as accessible HTML (lang en-GB, headings, tables with headers) or Markdown.
public struct PrivacyNoticeRenderer: Sendable {
    private let html: MustacheTemplate
    private let markdown: MustacheTemplate

    public init() {
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
        // The templates are constants of this module; a failure to parse them is a programming error.
        html = try! MustacheTemplate(string: NoticeTemplates.html)
        markdown = try! MustacheTemplate(string: NoticeTemplates.markdown)
    }

    /// Renders the notice. For HTML, `stylesheetURL` links the stylesheet (served by the privacy
    /// centre, so a strict content security policy holds); without one it is inlined, so that the
    /// file stands alone. `requestFormURL` links the privacy centre's request form from "Making a
    /// request", `retentionScheduleURL` its retention schedule from each "How long we keep it",
    /// `versionsURL` the notice's earlier versions, with what changed, from its footer, and
    /// `registrationURL` the privacy centre's registration form from the top (HTML only).
    public func render(
        _ notice: PrivacyNotice, as format: NoticeFormat, stylesheetURL: String? = nil, requestFormURL: String? = nil,
        retentionScheduleURL: String? = nil, versionsURL: String? = nil, registrationURL: String? = nil,
        brandStylesheetURL: String? = nil
    ) -> String {
        let page = NoticePage(
            notice: notice, stylesheetURL: stylesheetURL, brandStylesheetURL: brandStylesheetURL,
            inlineStylesheet: stylesheetURL == nil ? NoticeTemplates.stylesheet : nil, requestFormURL: requestFormURL,
            retentionScheduleURL: retentionScheduleURL, versionsURL: versionsURL, registrationURL: registrationURL)
        let output =
            switch format {
            case .html: html.render(page)
            case .md: markdown.render(page)
            }
        return Self.collapseBlankLines(output)
    }

    /// The notice's stylesheet, for a server to serve at the URL it passes to ``render(_:as:stylesheetURL:)``.
    public static var stylesheet: String { NoticeTemplates.stylesheet }

    /// Templates leave runs of blank lines where optional parts were empty; one is enough.
    private static func collapseBlankLines(_ text: String) -> String {
        var lines: [Substring] = []
        var previousBlank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy(\.isWhitespace)
            if blank && previousBlank { continue }
            lines.append(blank ? "" : line)
            previousBlank = blank
        }
        return lines.joined(separator: "\n")
    }
}

/// What the templates render: the notice and where its stylesheet is.
struct NoticePage {
    let notice: PrivacyNotice
    let stylesheetURL: String?
    /// The organisation's colour and logo (``NoticeBranding``), served beside the notice.
    let brandStylesheetURL: String?
    let inlineStylesheet: String?
    /// Where the privacy centre's request form is, when the notice is served beside one.
    let requestFormURL: String?
    /// Where the privacy centre's retention schedule is.
    let retentionScheduleURL: String?
    /// Where the notice's earlier versions are listed, with what changed.
    let versionsURL: String?
    /// Where the privacy centre's registration form is, where the policy offers one.
    let registrationURL: String?
}
