import CustosCore
import CustosServices
import Foundation
import Testing

/// API tokens on each backend: shown once, kept as a hash, scoped to a workspace, revocable.
@Suite("Access tokens")
struct AccessTokenContractTests {
    @Test(
        "a token authenticates as itself until revoked; a changed secret or id never does",
        arguments: TestBackend.available)
    func lifecycle(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let ashe = try await fixture.vault(example: "ashe").workspace
            let bep = try await fixture.vault(example: "bep").workspace
            let tokens = AccessTokens(store: fixture.store)
            let issued = try await tokens.issue(name: "MIS sync", role: .staff, in: ashe, by: "dpo", makerRole: nil)
            #expect(issued.bearer.hasPrefix("custos_"))
            let found = try await tokens.authenticate(issued.bearer)
            #expect(found?.id == issued.token.id)
            #expect(found?.role == .staff)
            #expect(found?.name == "MIS sync")
            #expect(found?.secretHash == issued.token.secretHash)
            #expect(issued.token.secretHash.count == 32)
            #expect(!issued.bearer.contains(issued.token.secretHash.base64EncodedString()))

            var altered = Array(issued.bearer)
            altered[altered.count - 3] = altered[altered.count - 3] == "A" ? "B" : "A"
            #expect(try await tokens.authenticate(String(altered)) == nil)
            #expect(try await tokens.authenticate("custos_" + String(repeating: "0", count: 32) + "_x") == nil)
            #expect(try await tokens.authenticate("") == nil)
            let secret = issued.bearer.split(separator: "_").dropFirst(2).joined(separator: "_")
            #expect(try await tokens.authenticate("custos_" + String(repeating: "é", count: 32) + "_" + secret) == nil)
            #expect(try await tokens.authenticate("custos_" + String(repeating: "g", count: 32) + "_" + secret) == nil)
            #expect(try await tokens.authenticate(issued.bearer + "==") == nil)

            #expect(try await fixture.store.accessTokens(in: ashe.id).map(\.id) == [issued.token.id])
            #expect(try await fixture.store.accessTokens(in: bep.id).isEmpty)
            await #expect(throws: AccessTokenError.self) {
                try await tokens.revoke(id: issued.token.id, in: bep, by: "dpo")
            }
            try await tokens.revoke(id: issued.token.id, in: ashe, by: "dpo")
            try await tokens.revoke(id: issued.token.id, in: ashe, by: "dpo")
            #expect(try await tokens.authenticate(issued.bearer) == nil)
            #expect(try await fixture.store.accessTokens(in: ashe.id).first?.revokedAt != nil)

            let actions = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event.action)
            #expect(actions.filter { $0.hasPrefix("token.") } == ["token.create", "token.revoke"])
        }
    }

    @Test(
        "a school leader's token needs a school of its workspace; trainer tokens are refused",
        arguments: TestBackend.available)
    func scopes(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "bep")
            let other = try await fixture.vault(example: "ashe")
            let school = try await vault.addSchool(name: "Basildon Academy", urn: "100001", laCode: nil, actor: "t")
            let foreign = try await other.addSchool(name: "Elsewhere", urn: "100002", laCode: nil, actor: "t")
            let tokens = AccessTokens(store: fixture.store)
            let leader = try await tokens.issue(
                name: "head", role: .schoolLeader, schoolID: school.id, in: vault.workspace, by: "t", makerRole: nil)
            #expect(try await tokens.authenticate(leader.bearer)?.schoolID == school.id)
            for (role, schoolID) in [
                (StaffRole.schoolLeader, nil), (.schoolLeader, foreign.id), (.trainer, nil), (.staff, school.id),
            ] {
                await #expect(throws: AccessTokenError.self) {
                    try await tokens.issue(
                        name: "x", role: role, schoolID: schoolID, in: vault.workspace, by: "t", makerRole: nil)
                }
            }
            await #expect(throws: AccessTokenError.self) {
                try await tokens.issue(name: "  ", role: .dpo, in: vault.workspace, by: "t", makerRole: nil)
            }
        }
    }
}
