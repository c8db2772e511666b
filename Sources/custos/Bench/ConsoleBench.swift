import CustosCore
import CustosDeployment
import CustosExamples
import CustosServer
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging

/// `custos bench --console`: the console's pages on a large workspace, timed through the whole
/// server (router, sessions, the door, the store, the templates) without a network: a BEP
/// workspace of `subjects` registered users at 100 schools, one of them with `schoolSize`; the
/// school leader's page of their school, a DPO's search by name, and the audit log, each viewed
/// `views` times. Prints the median and 95th percentile of each, and how many audit entries one
/// view of the school's page writes.
struct ConsoleBench {
    let subjects: Int
    let schoolSize: Int
    let views: Int

    /// The password of the bench's staff accounts (bcrypt at its lowest cost: sign-in is not timed).
    static let password = "bench bench bench bench"

    func run(folder: URL) async throws {
        let bep = try ExamplePolicy.bep.load()
        guard let type = bep.policy.recordType("registered_user") else {
            throw CommandFailure(message: "bench: the BEP example lacks registered users")
        }
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
        try await StoreLocation.sqlite(directory: folder.appendingPathComponent("data")).withInstallation(
            keys: keys, logger: Logger(label: "custos.bench")
        ) { installation in
            let (workspace, _) = try await installation.createWorkspace(
                name: "bench", title: "Bench", policy: bep, by: "bench")
            let vault = try await installation.vault(workspace, policy: bep.policy)
            var schoolIDs: [UUID] = []
            for index in 0..<100 {
                let school = try await vault.addSchool(
                    name: "School \(index)", urn: String(100_000 + index), laCode: nil, actor: "bench")
                schoolIDs.append(school.id)
            }
            let people = folder.appendingPathComponent("registered.csv")
            try writePeople(to: people)
            let start = Date()
            let report = try await BenchCommand.importer(vault, type).run(file: people, dryRun: false)
            print(
                "imported \(report.created) registered users (\(schoolSize) at one school) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s"
            )
            let hashing = PasswordHashing(cost: 4)
            let users = installation.staffUsers(hashing: hashing)
            _ = try await users.add(
                email: "head@bench.example", name: "Head", role: .schoolLeader, schoolID: schoolIDs[0],
                password: Self.password, in: workspace, by: "bench")
            _ = try await users.add(
                email: "dpo@bench.example", name: "DPO", role: .dpo, schoolID: nil, password: Self.password,
                in: workspace, by: "bench")
            var quiet = Logger(label: "custos.bench")
            quiet.logLevel = .warning
            let app = buildApplication(
                installation: installation, configuration: ServerConfiguration(passwordHashing: hashing),
                logger: quiet)
            try await app.test(.router) { client in
                let head = try await signIn(client, "head@bench.example")
                let dpo = try await signIn(client, "dpo@bench.example")
                let before = try await vault.auditLog.headSequence()
                _ = try await time(client, head, "/console/school")
                let written = try await vault.auditLog.headSequence() - before
                var school: [Double] = []
                for _ in 0..<views { school.append(try await time(client, head, "/console/school")) }
                print(
                    "a school leader's page of their school of \(schoolSize) (50 a page, names opened and audited): \(BenchCommand.summary(school)); \(written) audit entr\(written == 1 ? "y" : "ies") per view"
                )
                let token = try await formToken(client, dpo)
                var searches: [Double] = []
                var generator = SystemRandomNumberGenerator()
                for _ in 0..<views {
                    let number = Int.random(in: 0..<subjects, using: &generator)
                    let name = "\(Self.firstName(number)) \(Self.surname(number))"
                    let body =
                        "csrf=\(token)&kind=name-words&value=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)"
                    searches.append(
                        try await time(client, dpo, "/console/people", method: .post, body: body))
                }
                print(
                    "a DPO's search by name among \(subjects) people (results named, audited): \(BenchCommand.summary(searches))"
                )
                var audit: [Double] = []
                for _ in 0..<views { audit.append(try await time(client, dpo, "/console/audit")) }
                print("the audit log's first page (checked since the last view): \(BenchCommand.summary(audit))")
            }
        }
        print("peak resident memory: \(BenchCommand.peakResidentMegabytes()) MB")
    }

    /// A first name from a short list of common ones: many people share each.
    static func firstName(_ number: Int) -> String { DemoPeople.firstNames[number % DemoPeople.firstNames.count] }

    /// One of about 5,000 surnames, each shared by about one person in 5,000.
    static func surname(_ number: Int) -> String {
        DemoPeople.surnames[number / 7 % DemoPeople.surnames.count] + String(number / 7 % 227)
    }

    private func writePeople(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CommandFailure(message: "cannot write \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = "first_name,surname,role,email,school_urn\n"
        for number in 0..<subjects {
            let urn = number < schoolSize ? 100_000 : 100_001 + number % 99
            buffer +=
                "\(Self.firstName(number)),\(Self.surname(number)),Teacher,user\(number)@school\(urn).sch.uk,\(urn)\n"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    private func signIn(_ client: some TestClientProtocol, _ email: String) async throws -> String {
        let body =
            "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? email)&password=\(Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try await client.execute(
            uri: "/console/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        ) { response in
            guard let cookie = response.headers[.setCookie] else {
                throw CommandFailure(message: "bench: \(email) could not sign in")
            }
            return String(cookie.prefix { $0 != ";" })
        }
    }

    private func formToken(_ client: some TestClientProtocol, _ cookie: String) async throws -> String {
        try await client.execute(uri: "/console", method: .get, headers: [.cookie: cookie]) { response in
            let page = String(buffer: response.body)
            guard let start = page.range(of: #"name="csrf" value=""#)?.upperBound else {
                throw CommandFailure(message: "bench: no form token")
            }
            return String(page[start...].prefix { $0 != "\"" })
        }
    }

    /// Milliseconds to answer one request, which must succeed.
    private func time(
        _ client: some TestClientProtocol, _ cookie: String, _ path: String, method: HTTPRequest.Method = .get,
        body: String? = nil
    ) async throws -> Double {
        var headers: HTTPFields = [.cookie: cookie]
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let start = DispatchTime.now().uptimeNanoseconds
        let status = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { $0.status }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        guard status == .ok else { throw CommandFailure(message: "bench: \(path) answered \(status)") }
        return elapsed
    }
}
