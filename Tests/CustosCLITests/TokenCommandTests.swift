import CustosTestSupport
import Foundation
import Testing

/// `token add|list|revoke`, as a DPO sets up an integration.
@Suite("API tokens from the command line")
struct TokenCommandTests {
    @Test("a token is printed once, listed without its secret, and revoked")
    func addListRevoke() async throws {
        try await WorkspaceCommandTests.forEachBackend { storage, folder in
            let options =
                storage + ["--key-file", folder.appendingPathComponent("master-\(UUID().uuidString).key").path]
            #expect(try Custos.run(["init", "--policy", "Examples/bep.yaml"] + options).status == 0)
            let added = try Custos.run(["token", "add", "--name", "MIS sync", "--role", "staff"] + options)
            #expect(added.status == 0, "\(added.error)")
            let bearer = added.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(bearer.hasPrefix("custos_"))
            #expect(added.error.contains("it is shown once"))

            let listed = try Custos.run(["token", "list"] + options)
            #expect(listed.output.contains("staff  live  MIS sync"))
            #expect(!listed.output.contains(bearer))
            let id = try #require(listed.output.split(separator: " ").first.map(String.init))

            let leader = try Custos.run(["token", "add", "--name", "Head", "--role", "school_leader"] + options)
            #expect(leader.status != 0)
            #expect(leader.error.contains("needs the school it is limited to"))
            let unknownRole = try Custos.run(["token", "add", "--name", "X", "--role", "owner"] + options)
            #expect(unknownRole.status != 0)
            #expect(unknownRole.error.contains("--role: no role 'owner'"))

            #expect(try Custos.run(["token", "revoke", id] + options).status == 0)
            #expect(try Custos.run(["token", "list"] + options).output.contains("staff  revoked"))
            #expect(try Custos.run(["audit", "log"] + options).output.contains("token.revoke"))
        }
    }
}
