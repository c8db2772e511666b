import Foundation
import Mustache

/// The server's HTML templates: every `.mustache` file in the `templates` resource folder
/// (`Sources/CustosServer/Resources/templates`), registered under its name without the extension,
/// so that pages inherit their frame (`{{<console-layout}}`) and share partials
/// (`{{> error-summary}}`). Read once per process.
enum PageTemplates {
    /// The templates' files, by name, sorted.
    private static let files: [(name: String, url: URL)] = {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            fatalError("The server's templates are missing from its resources")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".mustache") }.sorted().map { file in
            (String(file.dropLast(".mustache".count)), folder.appendingPathComponent(file))
        }
    }()

    /// The library of every template. The templates ship with the program and are fixed: one that
    /// is missing or does not parse is a programming error, which the page tests catch.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, url) in files {
            do {
                library.register(
                    try MustacheTemplate(string: try String(contentsOf: url, encoding: .utf8)), named: name)
            } catch {
                fatalError("The template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// The names of every template, for the tests that render each one.
    static var names: [String] { files.map(\.name) }
}
