import Hummingbird
import Mustache

/// Renders the console's pages: each page's model (``ConsolePage``) in its template in
/// `Resources/templates`, inside the console's frame (`console-layout`).
struct ConsolePages: Sendable {
    /// `page` in `frame`, as an HTML response that no cache keeps. A page showing problems is
    /// titled "Error: …", as the GOV.UK pattern asks.
    func render<Page: ConsolePage>(_ page: Page, frame: ConsoleFrame, status: HTTPResponse.Status = .ok) -> Response {
        var frame = frame
        if !page.problems.isEmpty, !frame.title.hasPrefix("Error: ") { frame.title = "Error: " + frame.title }
        let html = PageTemplates.library.render(ConsoleView(frame: frame, page: page), withTemplate: Page.template)
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html ?? "")))
    }

    /// The problem page: `heading` and `message`, titled `title`.
    func problem(
        title: String, heading: String, message: String, user: ConsoleUser?, context: ConsoleRequestContext,
        status: HTTPResponse.Status
    ) -> Response {
        let frame =
            user.map { ConsoleFrame(title: title, current: "", user: $0, context: context) }
            ?? ConsoleFrame(title: title)
        return render(ProblemPage(heading: heading, message: message), frame: frame, status: status)
    }
}
