import Foundation
import Testing

/// `custos subject find --name`, `subject duplicates` and `subject index-names` on an ASHE office.
@Suite("custos subject: by name")
struct SubjectNameCommandTests {
    @Test("a name finds people by its words; the same name twice is a possible duplicate; index-names indexes again")
    func byName() async throws {
        try await AsheOffice.with { office in
            let found = try Custos.run(["subject", "find", "--name", "HEAD ann"] + office.options)
            #expect(found.status == 0)
            #expect(found.output.trimmingCharacters(in: .whitespacesAndNewlines) == office.ann)
            let nobody = try Custos.run(["subject", "find", "--name", "Ann Smith"] + office.options)
            #expect(nobody.status == 1)
            #expect(nobody.error.contains("no one has a name with those words"))
            #expect(
                try Custos.run(["subject", "duplicates"] + office.options).output.contains("No possible duplicates"))

            // Ann again, from another address: one name at no school, so possibly one person.
            let csv = office.folder.appendingPathComponent("again.csv")
            try "Name,School postal address,Head's Email Address\nAnn Head,1 Lane,ann.head@school.example\n"
                .write(to: csv, atomically: true, encoding: .utf8)
            #expect(
                try Custos.run(
                    ["import", "--type", "member_contact", "--purpose", "booking_admin", csv.path] + office.options
                )
                .status == 0)
            let again = try Custos.run(["subject", "find", "--email", "ann.head@school.example"] + office.options)
                .output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let duplicates = try Custos.run(["subject", "duplicates"] + office.options).output
            #expect(duplicates.contains("\(office.ann) \(again)"))

            let indexed = try Custos.run(["subject", "index-names"] + office.options)
            #expect(indexed.status == 0)
            #expect(indexed.output.contains("Indexed the names in 2 record parts."))
            let log = try Custos.run(["audit", "log"] + office.options).output
            #expect(log.contains("subject.search") && log.contains("names.index"))
            for searched in ["head ann", "ann smith"] {
                #expect(!log.lowercased().contains(searched), "the words searched are never in the log")
            }
        }
    }
}
