import ArgumentParser
import CustosCore
import CustosDeployment
import CustosExamples
import CustosMail
import CustosServer
import CustosServices
import Foundation
import Logging

/// `custos demo`: a fresh data folder with an example workspace, and the server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the server with an example workspace of made-up people in a fresh SQLite data folder.",
        discussion:
            "The demo folder is emptied at each start. The examples are the policies in Examples/, which ship inside the program; the demo writes its example into the folder."
    )

    @Option(help: "Which example organisation: \(ExamplePolicy.allCases.map(\.rawValue).joined(separator: ", ")).")
    var example: ExamplePolicy = .ashe

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: ArgumentHelp("The demo's data folder, emptied at start.", valueName: "DIR"))
    var data: String = "./custos-demo"

    @OptionGroup var metrics: MetricsOptions

    @OptionGroup var config: ConfigOption

    /// The demo's console users: synthetic staff, one per role that needs no school.
    static let demoUsers: [(StaffRole, String)] = [
        (.dpo, "Dana Demo (DPO)"), (.admin, "Alex Demo (admin)"), (.staff, "Sam Demo (office)"),
        (.auditor, "Avery Demo (auditor)"),
    ]
    /// The password of every demo user; the README gives it. The demo holds only synthetic data
    /// and listens on this machine alone unless told otherwise.
    static let demoPassword = "custos demo password"

    func run() async throws {
        let folder = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        try DemoFolder.reset(folder)
        // The example ships inside the program; a copy in the demo folder is there to read and edit.
        let policyURL = folder.appendingPathComponent(example.fileName)
        try Data(example.yaml.utf8).write(to: policyURL)
        let loaded = try PolicyFile.load(policyURL.path)
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"))
        try keys.createIfAbsent()
        let logger = Logger(label: "custos")
        let opened = try StoreLocation.sqlite(directory: folder).open(keys: keys, logger: logger)
        let installation = opened.installation
        let (workspace, version) = try await installation.createWorkspace(
            name: example.rawValue, title: loaded.policy.controller.name ?? loaded.policy.controller.displayName,
            policy: loaded, by: "demo")
        let vault = try await installation.vault(workspace, policy: loaded.policy)
        let records = try await DemoPeople(vault: vault, count: 40).lay()
        let findings = PolicyLinter().findings(for: loaded)
        let token = try await installation.accessTokens.issue(
            name: "demo", role: .dpo, in: workspace, by: "demo", makerRole: nil)
        // One console user for each role that needs no school, all with the demo's password.
        let users = installation.staffUsers()
        for (role, name) in Self.demoUsers {
            _ = try await users.add(
                email: "\(role.rawValue)@demo.example", name: name, role: role, password: Self.demoPassword,
                in: workspace, by: "demo")
        }

        // Where the policy gives school leaders access, one leads the first demo school.
        var leaderNote = ""
        if loaded.policy.access.contains(where: { $0.role == .schoolLeader }),
            let school = try await vault.schools().first(where: { $0.urn == DemoPeople.schools[0].0 })
        {
            let leader = try await users.add(
                email: "school_leader@demo.example", name: "Lee Demo (head of \(school.name))", role: .schoolLeader,
                schoolID: school.id, password: Self.demoPassword, in: workspace, by: "demo")
            leaderNote = "\n                   or as \(leader.email), who sees \(school.name)'s people only"
            // The leader is a registered person too: what they authorise joins their own record.
            if let type = loaded.policy.registration.flatMap({ loaded.policy.recordType($0.recordType) }),
                let email = type.ownEmailField,
                var values = DemoPeople.values(for: type, number: 999)
            {
                values[email.name] = leader.email
                for field in type.fields where field.format == .urn { values[field.name] = school.urn }
                _ = try await vault.write(
                    RecordInput(type: type, values: values, source: .person), actor: "demo", reason: "demo data")
            }
        }

        // Where the policy records who attends what (ASSET), a trainer delivers the first demo course.
        if loaded.policy.events != nil, loaded.policy.access.contains(where: { $0.role == .trainer }) {
            let trainer = try await users.add(
                email: "trainer@demo.example", name: "Terry Demo (consultant)", role: .trainer,
                events: [DemoPeople.courses[0]], password: Self.demoPassword, in: workspace, by: "demo")
            leaderNote +=
                "\n                   or as \(trainer.email), who sees the attendees of \(DemoPeople.courses[0])"
        }

        let base = "http://\(host):\(port)"
        let secondFactorNote =
            loaded.policy.requiresSecondFactor(.dpo)
            ? "\n                   (this policy asks the DPO and admins for a second factor: at first sign-in\n                    you set up an authenticator app; staff@ signs in with the password alone)"
            : ""
        let outboxFolder = folder.appendingPathComponent("outbox", isDirectory: true)
        let transport = EmlFolderTransport(folder: outboxFolder)
        // Some organisations publish no address to send from; the demo's mail goes to a folder.
        let sender = MailAddress("privacy@\(example.rawValue).example", name: loaded.policy.controller.displayName)
        let requestForm =
            loaded.policy.rights.requestChannels.contains(.web)
            ? "\n  Request form:    \(base)/privacy/\(workspace.name)/request\n                   (emails, with the confirmation link, land in \(outboxFolder.path))"
            : ""
        let registration =
            loaded.policy.registration == nil
            ? "" : "\n  Registration:    \(base)/privacy/\(workspace.name)/register"
        let banner = """

            Custos demo is running.
              Workspace:       \(workspace.name) — \(workspace.title), policy \(version.label)
              Privacy notice:  \(base)/privacy/\(workspace.name)
              As Markdown:     \(base)/privacy/\(workspace.name)/notice.md\(requestForm)\(registration)
              People:          \(records) records of made-up people, a few requests and a complaint
              Staff console:   \(base)/console
                               sign in as dpo@demo.example (or staff@, admin@, auditor@demo.example)\(leaderNote)
                               with the password: \(Self.demoPassword)\(secondFactorNote)
              Home:            \(base)/
              Data folder:     \(folder.path) (SQLite)
              Policy file:     \(policyURL.path)
                               (the linter finds \(findings.filter { $0.severity == .error }.count) errors and \(findings.filter { $0.severity == .warning }.count) warnings in it)

            Try, in another terminal:
              custos policy check \(policyURL.path)
              custos policy ropa \(policyURL.path)
              custos policy versions --data \(folder.path)
              curl -H 'Authorization: Bearer \(token.bearer)' \(base)/api/v1/schools
              (a DPO's API token for this demo; the API is described at \(base)/api/v1/openapi.json)

            Press Ctrl-C to stop.

            """
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Console.error(
                "warning: the demo's console password is published in the README; anyone who can reach \(host) can sign in."
            )
        }
        let app = buildApplication(
            installation: installation,
            configuration: ServerConfiguration(host: host, port: port, metrics: try metrics.bootstrapped()),
            mail: PrivacyCentreMail(transport: transport, publicURL: base, sender: sender),
            services: opened.services + [
                OutboxService(
                    installation: installation, transport: transport, publicURL: base, sender: sender, logger: logger)
            ],
            logger: logger, beforeServerStarts: opened.prepare,
            onServerRunning: {
                print(banner)
                // Standard output is block-buffered when it is not a terminal (a log, a pipe); fflush(nil) flushes it.
                fflush(nil)
            })
        try await app.runService()
    }
}
