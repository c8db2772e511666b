import CustosTestSupport
import Foundation
import Testing

@testable import CustosServer

/// The templates compiled into the program are exactly the files of `Resources/templates`: a file
/// added there and not listed in ``PageTemplates`` (or listed and deleted) fails here.
@Suite("Page templates: the program's list is the folder's")
struct PageTemplatesTests {
    @Test("every template file is compiled in, under its name, and nothing else")
    func listMatchesTheFolder() throws {
        let folder = Repository.root.appendingPathComponent("Sources/CustosServer/Resources/templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.allSatisfy { $0.hasSuffix(".mustache") }, "only templates in the folder: \(files.sorted())")
        let names = files.map { String($0.dropLast(".mustache".count)) }.sorted()
        #expect(PageTemplates.names == names)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8)
            #expect(PageTemplates.text(of: name) == text, "\(name) is compiled in as it is in the folder")
        }
    }
}
