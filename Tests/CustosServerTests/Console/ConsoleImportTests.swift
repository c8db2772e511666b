import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// Imports from the console: a CSV file sent from a form, imported in the background by the same
/// importer as `custos import`, its page showing progress and then the report and its problems.
@Suite("Console imports")
struct ConsoleImportTests {
    static let boundary = "----custos-test-boundary"

    static let csv = """
        first_name,surname,role,email,school_urn
        Sam,Teacher,Year 3 teacher,sam@crays.example,100001
        Pat,Head,Headteacher,pat@crays.example,100001
        Jo,Bloggs,Teacher,not-an-address,100001

        """

    /// A multipart body as a browser sends the import form.
    static func body(
        token: String?, type: String, purpose: String? = "service_delivery", school: String? = nil, csv: String,
        check: Bool = false
    ) -> ByteBuffer {
        var parts: [String] = []
        if let token { parts.append("Content-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)") }
        if let school { parts.append("Content-Disposition: form-data; name=\"school\"\r\n\r\n\(school)") }
        parts.append("Content-Disposition: form-data; name=\"type\"\r\n\r\n\(type)")
        if let purpose { parts.append("Content-Disposition: form-data; name=\"purpose\"\r\n\r\n\(purpose)") }
        parts.append(
            "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\exports\\\\users.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)"
        )
        if check { parts.append("Content-Disposition: form-data; name=\"check\"\r\n\r\nyes") }
        let text = parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    static func upload(
        _ client: some TestClientProtocol, _ browser: ConsoleBrowser, _ body: ByteBuffer
    ) async throws -> (HTTPResponse.Status, String?) {
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let cookie = browser.cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: "/console/imports", method: .post, headers: headers, body: body) {
            ($0.status, $0.headers[.location])
        }
    }

    /// The job's page once the import has finished.
    static func finished(
        _ client: some TestClientProtocol, _ browser: ConsoleBrowser, _ path: String
    ) async throws -> String {
        for _ in 0..<100 {
            let (status, page) = try await browser.get(client, path)
            #expect(status == .ok)
            if !page.contains("rows read so far") { return page }
            #expect(page.contains("<meta http-equiv=\"refresh\" content=\"2\">"), "the page refreshes while it runs")
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the import did not finish")
        return ""
    }

    @Test(
        "staff import a CSV from the form: good rows written, the bad one reported by line and field, every problem as CSV"
    )
    func importFromTheForm() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            _ = try await fixture.school("Crays Hill Primary", urn: "100001")
            try await fixture.user("office@bep.example", role: .staff)
            try await fixture.user("admin@bep.example", role: .admin)
            let vault = try await fixture.vault("bep")
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@bep.example")
                let (_, form) = try await staff.get(client, "/console/imports")
                #expect(form.contains("enctype=\"multipart/form-data\""))
                #expect(form.contains("<option value=\"registered_user\">Your account</option>"))

                // Without the form token the upload is refused, and nothing is imported.
                let (refused, _) = try await Self.upload(
                    client, staff, Self.body(token: nil, type: "registered_user", csv: Self.csv))
                #expect(refused == .forbidden)

                let token = try await staff.formToken(client)
                let (checked, checkPath) = try await Self.upload(
                    client, staff, Self.body(token: token, type: "registered_user", csv: Self.csv, check: true))
                #expect(checked == .seeOther)
                let checkPage = try await Self.finished(client, staff, try #require(checkPath))
                #expect(checkPage.contains("a check only, nothing written"))
                #expect(
                    try await fixture.store.subjectIDs(
                        forIndexes: [vault.index(kind: "email", value: "sam@crays.example")], in: vault.workspace.id
                    ).isEmpty)

                let (status, location) = try await Self.upload(
                    client, staff, Self.body(token: token, type: "registered_user", csv: Self.csv))
                #expect(status == .seeOther)
                let path = try #require(location)
                #expect(path.hasPrefix("/console/imports/"))
                let page = try await Self.finished(client, staff, path)
                #expect(page.contains("<h1>Import of users.csv</h1>"), "the browser's folder is dropped")
                #expect(page.contains("<dt>Records added</dt><dd>2</dd>"))
                #expect(page.contains("<dt>Rows refused</dt><dd>1</dd>"))
                #expect(page.contains("<td>4</td><td>email</td><td>error</td>"))
                #expect(!page.contains("not-an-address"), "the report names the field, not the value")

                let (csvStatus, problems) = try await staff.get(client, path + "/problems.csv")
                #expect(csvStatus == .ok)
                #expect(problems.hasPrefix("line,field,severity,problem\n4,email,error,"))

                let (_, list) = try await staff.get(client, "/console/imports")
                #expect(list.contains("<a href=\"\(path)\">users.csv</a>"))

                // Another user's import reads as unknown.
                let admin = try await ConsoleBrowser.signIn(client, "admin@bep.example")
                #expect(try await admin.get(client, path).0 == .notFound)
                #expect(try await admin.get(client, path + "/problems.csv").0 == .notFound)

                let (noFile, _) = try await Self.upload(
                    client, staff, Self.body(token: token, type: "registered_user", csv: ""))
                #expect(noFile == .badRequest)
                let (badType, _) = try await Self.upload(
                    client, staff, Self.body(token: token, type: "nope", csv: Self.csv))
                #expect(badType == .badRequest)

                // The door decides the purpose before the file is taken: none, a made-up one, or one the
                // kind is not kept for is the form's error, and no import starts.
                let other = Self.csv.replacingOccurrences(of: "crays.example", with: "elsewhere.example")
                for (purpose, says) in [
                    (nil, "name the purpose"), ("nonsense", "the policy has no purpose &#39;nonsense&#39;"),
                    ("site_analytics", "site_analytics"),
                ] as [(String?, String)] {
                    var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
                    headers[.cookie] = staff.cookie
                    let (refusedStatus, refusedPage) = try await client.execute(
                        uri: "/console/imports", method: .post, headers: headers,
                        body: Self.body(token: token, type: "registered_user", purpose: purpose, csv: other)
                    ) { ($0.status, String(buffer: $0.body)) }
                    #expect(refusedStatus == .badRequest, "\(purpose ?? "none")")
                    #expect(refusedPage.contains("import-purpose-error"), "\(purpose ?? "none")")
                    #expect(refusedPage.contains(says), "\(purpose ?? "none"): says why")
                }
                #expect(
                    try await fixture.store.subjectIDs(
                        forIndexes: [vault.index(kind: "email", value: "sam@elsewhere.example")], in: vault.workspace.id
                    ).isEmpty, "nothing refused was imported")
            }
            let written = try await fixture.store.subjectIDs(
                forIndexes: [vault.index(kind: "email", value: "sam@crays.example")], in: vault.workspace.id)
            #expect(written.count == 1)
            let actions = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            #expect(actions.contains { $0.action == "import.start" && $0.actor == "user:office@bep.example" })
        }
    }

    @Test(
        "a file of one school's pupils, identified by name or the school's own code, is imported for the school chosen")
    func importForSchool() async throws {
        try await ApiFixture.with(["asset"]) { fixture in
            let vault = try await fixture.vault("asset")
            let school = try await vault.addSchool(name: "North Academy", urn: "100001", laCode: nil, actor: "t")
            try await fixture.user("office@asset.example", role: .staff, in: "asset")
            let csv = """
                Pupil Name,Pupil code,KS2 Reading Mark,KS2 Maths Mark,KS2 Reading TA,KS2 Maths TA,KS2 APS,Subjects,Grades
                Ann Smith,,100,100,EXS,EXS,100,Maths,5
                ,P1042,100,100,EXS,EXS,100,Maths,5

                """
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@asset.example")
                let (formStatus, form) = try await office.get(client, "/console/imports")
                #expect(formStatus == .ok)
                #expect(
                    form.contains(
                        "<option value=\"\(school.id.uuidString.lowercased())\">North Academy (URN 100001)</option>"))
                let token = try await office.formToken(client)

                // Without a school, names and codes identify no one: every row is refused by line.
                let (_, without) = try await Self.upload(
                    client, office,
                    Self.body(token: token, type: "pupil_assessment", purpose: "pupil_analysis", csv: csv))
                let refused = try await Self.finished(client, office, try #require(without))
                #expect(refused.contains("<dt>Rows refused</dt><dd>2</dd>"))
                #expect(refused.contains("<td>2</td><td>pupil_name</td><td>error</td>"))
                #expect(refused.contains("<td>3</td><td>pupil_code</td><td>error</td>"))
                #expect(try await vault.memberIDs(ofSchool: school.id).isEmpty)

                // A school that is not the workspace's is the form's error.
                let (unknown, _) = try await Self.upload(
                    client, office,
                    Self.body(
                        token: token, type: "pupil_assessment", purpose: "pupil_analysis", school: UUID().uuidString,
                        csv: csv))
                #expect(unknown == .badRequest)

                let (_, with) = try await Self.upload(
                    client, office,
                    Self.body(
                        token: token, type: "pupil_assessment", purpose: "pupil_analysis",
                        school: school.id.uuidString.lowercased(), csv: csv))
                let done = try await Self.finished(client, office, try #require(with))
                #expect(done.contains("<dt>Records added</dt><dd>2</dd>"))
            }
            #expect(try await vault.memberIDs(ofSchool: school.id).count == 2)
        }
    }
}
