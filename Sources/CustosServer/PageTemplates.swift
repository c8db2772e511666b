import Foundation
import Mustache

/// The server's HTML templates: every `.mustache` file in the `templates` resource folder
/// (`Sources/CustosServer/Resources/templates`), registered under its name without the extension,
/// so that pages inherit their frame (`{{<console-layout}}`) and share partials
/// (`{{> error-summary}}`). Read once per process.
enum PageTemplates {
    /// The library of every template. The templates ship with the program and are fixed: one that
    /// is missing or does not parse is a programming error, which the page tests catch.
    static let library: MustacheLibrary = {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            fatalError("The server's templates are missing from its resources")
        }
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(name)
            do {
                let source = try String(contentsOf: url, encoding: .utf8)
                library.register(try MustacheTemplate(string: source), named: String(name.dropLast(".mustache".count)))
            } catch {
                fatalError("The template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// The names of every template, for the tests that render each one.
    static var names: [String] {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else { return [] }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
    }
}
