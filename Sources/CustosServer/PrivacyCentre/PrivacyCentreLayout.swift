import Mustache

/// The frame every privacy-centre page shares: plain HTML, no script, the notice's stylesheet,
/// not indexed, no referrer (links carry tokens), and a way back to the notice.
enum PrivacyCentreLayout {
    /// A Mustache template of a whole page around `main`; `title` is a template too. The values
    /// rendered into it need `organisation` and `workspace`.
    static func page(title: String, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <meta name="referrer" content="no-referrer">
        <title>\(title)</title>
        <link rel="stylesheet" href="/assets/notice.css">
        </head>
        <body>
        <main id="main">
        \(main)
        <p><a href="/privacy/{{workspace}}">{{organisation}}'s privacy notice</a></p>
        </main>
        </body>
        </html>
        """
    }

    /// A library holding each of `Page`'s templates, in the frame, under its raw value. The
    /// templates are ours and fixed: a failure is a programming error, caught by the tests.
    static func library<Page: CaseIterable & RawRepresentable<String>>(
        of _: Page.Type, title: String, source: (Page) -> String
    ) -> MustacheLibrary {
        var library = MustacheLibrary()
        for page in Page.allCases {
            try! library.register(
                MustacheTemplate(string: Self.page(title: title, main: source(page))), named: page.rawValue)
        }
        return library
    }
}
