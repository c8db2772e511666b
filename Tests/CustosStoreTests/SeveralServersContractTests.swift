import CustosCore
import CustosMail
import CustosPostgres
import CustosServices
import CustosStorage
import CustosTestSupport
import Foundation
import Logging
import Testing

@testable import CustosDeployment

/// Several servers (or several `custos` processes) on one database, each backend: the guarantees
/// the database gives, tried with two stores on one database racing each other. The same
/// guarantees across two real server processes are tried by Tests/servers (run by `scripts/test.sh`).
@Suite("Several servers on one database")
struct SeveralServersContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    /// The fixture's workspace opened again over the second store, as the other server opens it.
    func twin(of vault: Vault, on store: any CustosStore, keys: MasterKeySource) async throws -> Vault {
        try await Vault.open(store: store, workspace: vault.workspace, policy: vault.policy, keys: keys)
    }

    /// The fixture over `first`, and `second` keyed as a server holding the same key file is.
    func fixture(_ first: any CustosStore, _ second: any CustosStore) throws -> VaultFixture {
        let fixture = try VaultFixture(store: first)
        _ = Installation(store: second, keys: fixture.keys)
        return fixture
    }

    @Test(
        "background work is claimed by one holder at a time, taken over when its lease ends, and a write fenced by a lost claim writes nothing",
        arguments: TestBackend.available)
    func claims(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "ashe")
            let workspace = vault.workspace.id
            let mine = JobClaim(job: "retention", workspaceID: workspace, holder: UUID(), lease: 60)
            let theirs = JobClaim(job: "retention", workspaceID: workspace, holder: UUID(), lease: 0.5)
            #expect(try await first.claim(mine) == JobClaimOutcome(taken: true, finishedOn: nil))
            #expect(try await second.claim(theirs).taken == false, "held by the first")
            #expect(try await first.claim(mine).taken, "renewed by its holder")
            let other = JobClaim(job: "messages", workspaceID: workspace, holder: theirs.holder, lease: 0.5)
            #expect(try await second.claim(other).taken, "other work is claimed apart")

            try await first.finish(mine, on: try day("2026-12-05"))
            #expect(try await second.claim(theirs) == JobClaimOutcome(taken: true, finishedOn: try day("2026-12-05")))
            // The second's short lease runs out; the first takes the work back, and the second's
            // fenced write is refused whole.
            try await Task.sleep(for: .milliseconds(700))
            #expect(try await first.claim(mine).taken)
            let before = try await AuditLog(store: first).entries(limit: 1000).count
            var fenced = ChangeSet.auditOnly(
                [AuditEvent(workspaceID: workspace, time: Date(), actor: "t", action: "test.fenced")],
                workspaceID: workspace)
            fenced.conditions = [.claimHeld(theirs)]
            await #expect(throws: StoreError.conditionFailed("")) { try await second.apply(fenced) }
            #expect(try await AuditLog(store: first).entries(limit: 1000).count == before, "nothing was written")
            fenced.conditions = [.claimHeld(mine)]
            try await second.apply(fenced)
            #expect(try await AuditLog(store: first).entries(limit: 1000).count == before + 1)
        }
    }

    @Test(
        "writes about the same new person on two servers at once make one person",
        arguments: TestBackend.available)
    func onePersonPerIdentity(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "asset")
            let other = try await twin(of: vault, on: second, keys: fixture.keys)
            let pairs = 20
            try await withThrowingTaskGroup(of: Void.self) { group in
                for pair in 0..<pairs {
                    for side in [vault, other] {
                        group.addTask {
                            let type = try #require(side.policy.recordType("contact"))
                            try await side.write(
                                RecordInput(
                                    type: type,
                                    values: [
                                        "name": "Sam Bursar", "school_name": "Hill School",
                                        "email": "bursar\(pair)@hill.example",
                                    ], source: .person), actor: "office")
                        }
                    }
                }
                try await group.waitForAll()
            }
            for pair in 0..<pairs {
                let found = try await vault.subjectIDs(identifierKind: "email", value: "bursar\(pair)@hill.example")
                #expect(found.count == 1, "pair \(pair): \(found.count) people")
            }
            #expect(try await AuditLog(store: first).verify().failure == nil)
        }
    }

    @Test(
        "a retention sweep started on two servers at once erases each person once, and the day is swept once",
        arguments: TestBackend.available)
    func sweepOnce(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "ashe")
            let other = try await twin(of: vault, on: second, keys: fixture.keys)
            let booked = try #require(CalendarDay(iso: "2020-03-10")).start(in: CalendarDay.clockTimeZone)
            let type = try #require(vault.policy.recordType("member_contact"))
            for head in 0..<25 {
                try await vault.write(
                    RecordInput(
                        type: type,
                        values: [
                            "name": "Head Teacher", "school_address": "1 School Lane",
                            "head_email": "head\(head)@school.example",
                        ], source: .person), actor: "office", at: booked)
            }
            let sweepDay = try day("2025-03-11")
            async let one = Retention(vault: vault).runDaily(asOf: sweepDay, holder: UUID())
            async let two = Retention(vault: other).runDaily(asOf: sweepDay, holder: UUID())
            let reports = [try await one, try await two]
            #expect(reports.compactMap(\.?.subjectsErased).reduce(0, +) == 25)
            #expect(try await first.erasureJournal().count == 25)
            let erasures = try await AuditLog(store: first).entries(limit: 1000).filter {
                $0.event.action == "retention.erase"
            }
            #expect(erasures.count == 25)
            // Swept today: a later check on either server does nothing more.
            #expect(try await Retention(vault: other).runDaily(asOf: sweepDay, holder: UUID())?.subjectsErased == 0)
            #expect(try await AuditLog(store: first).verify().failure == nil)
        }
    }

    @Test(
        "reminders sent by two servers' message passes at once go once each", arguments: TestBackend.available)
    func remindersOnce(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "asset")
            for person in 0..<20 {
                let contact = try await SeedPeople.assetContact(vault, email: "bursar\(person)@hill.example")
                _ = try await Requests(vault: vault).open(
                    RequestIntake(
                        kind: .access, subjectID: contact, channel: .email, receivedOn: try day("2026-09-01"),
                        identityShown: true), actor: "office")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "custos-eml-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let transport = try MailTransports.transport(for: folder.path)
            let logger = Logger(label: "custos.test")
            let servers = [first, second].map { store in
                OutboxService(
                    installation: Installation(store: store, keys: fixture.keys), transport: transport, logger: logger)
            }
            let due = try day("2026-09-24").start(in: CalendarDay.clockTimeZone).addingTimeInterval(9 * 3600)
            async let one: Void = servers[0].deliverDue(at: due, holder: UUID())
            async let two: Void = servers[1].deliverDue(at: due, holder: UUID())
            _ = await (one, two)
            // A pass that found the other's claim does the rest at its next turn, and finds nothing.
            await servers[1].deliverDue(at: due, holder: UUID())
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
            #expect(files.count == 20)
            let actions = try await AuditLog(store: first).entries(limit: 1000).map(\.event.action)
            #expect(actions.filter { $0 == "request.reminder" }.count == 20)
        }
    }

    @Test(
        "every wrong password and code tried on two servers at once counts, and a code is accepted once",
        arguments: TestBackend.available)
    func signInCounts(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "bep")
            let hashing = PasswordHashing(cost: 4)
            let users = [first, second].map { StaffUsers(store: $0, hashing: hashing) }
            let user = try await users[0].add(
                email: "dpo@bep.example", name: "D", role: .dpo, password: "a long enough passphrase",
                in: vault.workspace, by: "t")
            try await withThrowingTaskGroup(of: SignInOutcome.self) { group in
                for attempt in 0..<10 {
                    group.addTask {
                        try await users[attempt % 2].signIn(email: "dpo@bep.example", password: "wrong \(attempt)")
                    }
                }
                try await group.waitForAll()
            }
            let counted = try #require(try await first.staffUser(id: user.id))
            #expect(counted.failedSignIns == 10)
            #expect(counted.isLocked(at: Date()))

            // Unlocked, with an app: the right password alone does not clear failures; one code,
            // sent to both servers at once, is accepted by one.
            try await users[0].enable(counted, by: "t")
            let other = try await twin(of: vault, on: second, keys: fixture.keys)
            let factors = [
                SecondFactors(vault: vault, hashing: hashing), SecondFactors(vault: other, hashing: hashing),
            ]
            let secret = SecondFactors.newSecret()
            let now = Date()
            let unlocked = try #require(try await first.staffUser(id: user.id))
            let enrolled = try #require(
                try await factors[0].enrol(
                    unlocked, secret: secret, code: SecondFactors.code(secret: secret, at: now.addingTimeInterval(-30)),
                    at: now))
            _ = try await factors[1].verify(enrolled, code: "000000", at: now)
            guard
                case .signedIn = try await users[1].signIn(
                    email: "dpo@bep.example", password: "a long enough passphrase")
            else {
                Issue.record("the right password was refused")
                return
            }
            #expect(try await first.staffUser(id: user.id)?.failedSignIns == 1, "a right password leaves the count")
            let code = SecondFactors.code(secret: secret, at: now)
            async let one = factors[0].verify(enrolled, code: code, at: now)
            async let two = factors[1].verify(enrolled, code: code, at: now)
            let outcomes = [try await one, try await two]
            #expect(outcomes.filter { if case .accepted = $0 { true } else { false } }.count == 1)
            #expect(outcomes.contains(.wrongCode))
        }
    }

    @Test("attempts are counted across servers in windows", arguments: TestBackend.available)
    func attemptWindows(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let key = AttemptKey(scope: "test", value: "192.0.2.1", key: .init(size: .bits256))
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<10 {
                    group.addTask { try await (attempt % 2 == 0 ? first : second).countAttempt(key, window: 600) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts.sorted() == Array(1...10))
            // A window that ended starts again at one.
            let brief = AttemptKey(scope: "test", value: "192.0.2.2", key: .init(size: .bits256))
            #expect(try await first.countAttempt(brief, window: 0.2) == 1)
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await second.countAttempt(brief, window: 0.2) == 1, "a new window")
            try await first.removeAttemptsOlder(than: 0)
            #expect(try await first.countAttempt(key, window: 60) == 1)
        }
    }

    @Test(
        "twelve servers starting at once on a new PostgreSQL database all start, and the database's refusals name their SQLSTATE",
        .enabled(if: PostgresTestDatabase.enabled))
    func concurrentStarts() async throws {
        try await PostgresTestDatabase.withFreshDatabase { url in
            let logger = Logger(label: "custos.test")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await StoreLocation.postgres(url: url).withStore(logger: logger) { _ in } }
                }
                try await group.waitForAll()
            }
            try await StoreLocation.postgres(url: url).withStore(logger: logger) { store in
                let postgres = try #require(store as? PostgresStore)
                do {
                    try await postgres.client.query("SELECT * FROM no_such_table", logger: logger)
                    Issue.record("a missing table was read")
                } catch {
                    let described = try #require(PostgresStore.described(error) as? StoreError)
                    #expect(described.message.contains("SQLSTATE 42P01"))
                    #expect(described.message.contains("no_such_table"))
                }
            }
        }
    }

    @Test(
        "two servers starting on a log not yet keyed key it once, with one entry",
        arguments: TestBackend.available)
    func keyingOnce(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            try fixture.keys.createIfAbsent()
            _ = Installation(store: first, keys: fixture.keys)
            async let one = AuditLog(store: first).anchor()
            async let other = AuditLog(store: second).anchor()
            let outcomes = try await [one, other]
            #expect(!outcomes.contains(.unanchored), "\(outcomes)")
            let keyed = try await AuditLog(store: first).entries(limit: 100).filter { $0.event.action == "audit.keyed" }
            #expect(keyed.count == 1)
            #expect(try await AuditLog(store: second).verify().failure == nil)
        }
    }

    @Test(
        "audited writes on two servers at once all reach the chain, each once, in one order that verifies",
        arguments: TestBackend.available)
    func auditFromTwoServers(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try fixture(first, second)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "ashe")
            let other = try await twin(of: vault, on: second, keys: fixture.keys)
            let before = try await AuditLog(store: first).verify().verified
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<40 {
                    let writer = number % 2 == 0 ? vault : other
                    group.addTask {
                        _ = try await writer.write(
                            VaultContractTests().memberContact(writer, headEmail: "audited\(number)@school.example"),
                            actor: "server-\(number % 2)")
                    }
                }
                try await group.waitForAll()
            }
            // Read on the other server: what either wrote is in the chain, and the chain verifies.
            let report = try await AuditLog(store: second).verify()
            #expect(report.failure == nil, "\(String(describing: report.failure))")
            let entries = try await AuditLog(store: second).entries(limit: 1000)
            let writes = entries.filter { $0.event.action == "record.create" }
            #expect(writes.count == 40)
            #expect(Set(writes.map(\.event.actor)) == ["server-0", "server-1"])
            #expect(report.verified > before)
        }
    }
}
