import CustosTestSupport
import Foundation
import Testing

/// `import`, `subject find|show` and `audit verify`, as a school's integrator would script them.
@Suite("Importing and finding people from the command line")
struct ImportCommandTests {
    @Test("a CSV with bad rows imports the good ones, reports the bad by line and field, and exits 1")
    func importAndFind() async throws {
        try await WorkspaceCommandTests.forEachBackend { storage, folder in
            let options =
                storage + ["--key-file", folder.appendingPathComponent("master-\(UUID().uuidString).key").path]
            let created = try Custos.run(["init", "--policy", "Examples/asset.yaml"] + options)
            #expect(created.status == 0, "\(created.error)")
            #expect(created.output.contains("Master key: made"))
            let file = folder.appendingPathComponent("pupils.csv")
            try """
            Pupil Name,UPN,Gender,FSM,Disadvantaged,SEN,KS2 Reading Mark,KS2 Maths Mark,KS2 Reading TA,KS2 Maths TA,KS2 APS,Subjects,Grades
            Ann Smith,B801200005001,F,Y,N,K,100,105,EXS,EXS,102.5,Maths,5
            Bob Jones,A801200005001,M,N,N,N,99,101,EXS,EXS,100,Maths,5
            Cat Brown,P207000016049,F,N,N,N,,97,EXS,EXS,97.5,Maths,5

            """.write(to: file, atomically: true, encoding: .utf8)

            let dry = try Custos.run(
                ["import", "--type", "pupil_assessment", "--purpose", "pupil_analysis", file.path, "--dry-run"]
                    + options)
            #expect(dry.status == 1)
            #expect(dry.output.contains("Dry run, nothing written. 3 rows: 1 would be created"))
            #expect(try Custos.run(["subject", "find", "--upn", "B801200005001"] + options).status == 1)

            let report = folder.appendingPathComponent("report.csv")
            let imported = try Custos.run(
                [
                    "import", "--type", "pupil_assessment", "--purpose", "pupil_analysis", file.path, "--report",
                    report.path,
                ] + options)
            #expect(imported.status == 1)
            #expect(imported.output.contains("3 rows: 1 created, 0 updated, 0 suppressed (erased people), 2 rejected"))
            #expect(imported.error.contains("line 3: error: upn: the check letter does not match"))
            #expect(imported.error.contains("line 4: error: ks2_reading_mark: is required"))
            #expect(!imported.error.contains("A801200005001"))
            let reportText = try String(contentsOf: report, encoding: .utf8)
            #expect(reportText.hasPrefix("line,field,severity,problem\n"))
            #expect(reportText.contains("3,upn,error,the check letter does not match"))

            let found = try Custos.run(["subject", "find", "--upn", "b801 2000 05001"] + options)
            #expect(found.status == 0, "\(found.error)")
            let id = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
            // ASSET's pupil analysis rests on consent the policy says the schools give (implied): it
            // holds until it is withdrawn, and then the door refuses the read.
            let shown = try Custos.run(
                ["subject", "show", id, "--format", "json", "--purpose", "pupil_analysis", "--reason", "test"]
                    + options)
            #expect(shown.status == 0, "\(shown.error)")
            #expect(shown.output.contains("\"ks2_reading_mark\" : \"100\""))
            #expect(!shown.output.contains("Ann Smith"))
            #expect(shown.output.contains("\"pseudonymised\" : [\n        \"pupil_name\",\n        \"upn\"\n      ]"))
            #expect(
                try Custos.run(
                    ["consent", "withdraw", "--subject", id, "--purpose", "pupil_analysis", "--source", "web_form"]
                        + options
                ).status == 0)
            let refused = try Custos.run(
                ["subject", "show", id, "--format", "json", "--purpose", "pupil_analysis"] + options)
            #expect(refused.status == 1)
            #expect(refused.error.contains("consent"))
            #expect(!refused.output.contains("ks2_reading_mark"))

            let verified = try Custos.run(["audit", "verify"] + options)
            #expect(verified.status == 0)
            #expect(verified.output.hasPrefix("Audit log intact:"))
            let log = try Custos.run(["audit", "log"] + options)
            #expect(log.output.contains("import.batch"))
            #expect(log.output.contains("subject.read"))
            #expect(!log.output.contains("Ann"))
        }
    }
}
