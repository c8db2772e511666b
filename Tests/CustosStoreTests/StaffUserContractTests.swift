import CustosCore
import CustosServices
import Foundation
import Testing

/// Staff users and console sessions on each backend.
@Suite("Staff users")
struct StaffUserContractTests {
    static let hashing = PasswordHashing(cost: 4)
    static let password = "a long enough passphrase"

    @Test(
        "a user is kept with a bcrypt hash, never the password; bad input names the field and changes nothing",
        arguments: TestBackend.available)
    func add(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let bep = try await fixture.vault(example: "bep").workspace
            let ashe = try await fixture.vault(example: "ashe").workspace
            let users = StaffUsers(store: fixture.store, hashing: Self.hashing)
            let user = try await users.add(
                email: " Jo.Bloggs@BEP.example ", name: "Jo Bloggs", role: .dpo, password: Self.password, in: bep,
                by: "cli:test")
            #expect(user.email == "jo.bloggs@bep.example")
            #expect(user.passwordHash.hasPrefix("$2b$04$"))
            #expect(!user.passwordHash.contains(Self.password))
            // Times are kept to the millisecond or so; the rest exactly.
            let found = try #require(try await fixture.store.staffUser(email: "JO.BLOGGS@bep.example"))
            #expect(found.id == user.id)
            #expect(found.passwordHash == user.passwordHash)
            #expect(found.role == .dpo)
            #expect(found.name == "Jo Bloggs")
            #expect(found.workspaceID == bep.id)
            #expect(abs(found.createdAt.timeIntervalSince(user.createdAt)) < 0.01)
            #expect(try await fixture.store.staffUser(id: user.id)?.email == "jo.bloggs@bep.example")
            #expect(try await fixture.store.staffUsers(in: bep.id).map(\.id) == [user.id])
            #expect(try await fixture.store.staffUsers(in: ashe.id).isEmpty)

            for (email, role, password, field) in [
                ("jo.bloggs@bep.example", StaffRole.staff, Self.password, "email:"),
                ("not-an-address", .staff, Self.password, "email:"),
                ("new@bep.example", .staff, "short", "password:"),
                ("new@bep.example", .staff, String(repeating: "long ", count: 20), "password:"),
                ("new@bep.example", .schoolLeader, Self.password, "school:"),
            ] {
                let error = await #expect(throws: StaffUserError.self) {
                    try await users.add(email: email, name: "New", role: role, password: password, in: bep, by: "t")
                }
                #expect(error?.message.hasPrefix(field) == true, "\(error?.message ?? "")")
                #expect(error?.message.contains(password) == false)
            }
            #expect(try await fixture.store.staffUsers(in: bep.id).count == 1)
            let actions = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event.action)
            #expect(actions.filter { $0.hasPrefix("user.") } == ["user.add"])
        }
    }

    @Test(
        "five wrong passwords lock the account for fifteen minutes; a new password ends sessions and the lock",
        arguments: TestBackend.available)
    func signIn(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let bep = try await fixture.vault(example: "bep").workspace
            let users = StaffUsers(store: fixture.store, hashing: Self.hashing)
            let user = try await users.add(
                email: "dpo@bep.example", name: "D", role: .dpo, password: Self.password, in: bep, by: "t")
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await users.signIn(email: "nobody@bep.example", password: "x", at: start) == .wrongDetails)
            guard
                case .signedIn(let signedIn) = try await users.signIn(
                    email: "DPO@bep.example", password: Self.password, at: start)
            else {
                Issue.record("the right password was refused")
                return
            }
            #expect(signedIn.lastSignInAt == start)
            for attempt in 1...4 {
                #expect(try await users.signIn(email: "dpo@bep.example", password: "wrong", at: start) == .wrongDetails)
                #expect(try await fixture.store.staffUser(id: user.id)?.failedSignIns == attempt)
            }
            let until = start.addingTimeInterval(StaffUsers.lockDuration)
            #expect(
                try await users.signIn(email: "dpo@bep.example", password: "wrong", at: start) == .locked(until: until))
            #expect(
                try await users.signIn(
                    email: "dpo@bep.example", password: Self.password, at: start.addingTimeInterval(60))
                    == .locked(until: until))
            guard
                case .signedIn = try await users.signIn(
                    email: "dpo@bep.example", password: Self.password, at: until.addingTimeInterval(1))
            else {
                Issue.record("the lock did not end")
                return
            }

            let stored = try #require(try await fixture.store.staffUser(id: user.id))
            #expect(stored.failedSignIns == 0)
            let changed = try await users.setPassword("another long passphrase", for: stored, by: "t")
            #expect(changed.sessionEpoch == stored.sessionEpoch + 1)
            #expect(try await users.signIn(email: "dpo@bep.example", password: Self.password) == .wrongDetails)
            try await users.disable(try #require(try await fixture.store.staffUser(id: user.id)), by: "t")
            #expect(try await users.signIn(email: "dpo@bep.example", password: "another long passphrase") == .disabled)
        }
    }

    @Test("console sessions are kept under a hash of their key, and expire", arguments: TestBackend.available)
    func sessions(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let store = fixture.store
            let key = Data(repeating: 7, count: 32)
            let now = Date()
            #expect(try await store.consoleSession(keyHash: key, at: now) == nil)
            try await store.saveConsoleSession(
                keyHash: key, value: Data("one".utf8), expiresAt: now.addingTimeInterval(60))
            #expect(try await store.consoleSession(keyHash: key, at: now)?.value == Data("one".utf8))
            // A save without an expiry keeps the one it had.
            try await store.saveConsoleSession(keyHash: key, value: Data("two".utf8), expiresAt: nil)
            let kept = try #require(try await store.consoleSession(keyHash: key, at: now))
            #expect(kept.value == Data("two".utf8))
            #expect(abs((kept.expiresAt ?? now).timeIntervalSince(now.addingTimeInterval(60))) < 1)
            #expect(try await store.consoleSession(keyHash: key, at: now.addingTimeInterval(61)) == nil)
            try await store.removeExpiredConsoleSessions(at: now.addingTimeInterval(61))
            #expect(try await store.consoleSession(keyHash: key, at: now) == nil)
            try await store.saveConsoleSession(
                keyHash: key, value: Data("three".utf8), expiresAt: now.addingTimeInterval(60))
            try await store.removeConsoleSession(keyHash: key)
            #expect(try await store.consoleSession(keyHash: key, at: now) == nil)
        }
    }
}
