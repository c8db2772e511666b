import CustosTestSupport
import Foundation
import Testing

/// `user add|list|passwd|disable|enable`, as a DPO sets up the console's accounts.
@Suite("Console users from the command line")
struct UserCommandTests {
    @Test("a user is added with a made password shown once, listed without it, disabled and enabled")
    func lifecycle() async throws {
        try await WorkspaceCommandTests.forEachBackend { storage, folder in
            let options =
                storage + ["--key-file", folder.appendingPathComponent("master-\(UUID().uuidString).key").path]
            #expect(try Custos.run(["init", "--policy", "Examples/bep.yaml"] + options).status == 0)
            let added = try Custos.run(
                ["user", "add", "--email", "Jo.Bloggs@bep.example", "--name", "Jo Bloggs", "--role", "dpo"] + options)
            #expect(added.status == 0, "\(added.error)")
            let password = added.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(password.count == 23)
            #expect(added.error.contains("User jo.bloggs@bep.example added, role dpo."))

            let listed = try Custos.run(["user", "list"] + options)
            #expect(listed.output.contains("jo.bloggs@bep.example  dpo  active  Jo Bloggs"))
            #expect(!listed.output.contains(password))

            let shared = try Custos.run(
                [
                    "user", "add", "--email", "office@bep.example", "--name", "Office", "--role", "staff",
                    "--password-stdin",
                ] + options, input: "a long enough passphrase\n")
            #expect(shared.status == 0, "\(shared.error)")
            #expect(shared.output.isEmpty)
            #expect(shared.error.contains("warning: this looks like a shared address"))

            let short = try Custos.run(
                ["user", "add", "--email", "x@bep.example", "--name", "X", "--role", "staff", "--password-stdin"]
                    + options, input: "short\n")
            #expect(short.status == 1)
            #expect(short.error.contains("password: the password must be at least 12 characters"))
            #expect(!short.error.contains("short\n"))
            let leader = try Custos.run(
                ["user", "add", "--email", "h@bep.example", "--name", "H", "--role", "school_leader"] + options)
            #expect(leader.status == 1)
            #expect(leader.error.contains("school: a school leader is limited to one school"))
            #expect(!(try Custos.run(["user", "list"] + options).output.contains("x@bep.example")))

            #expect(try Custos.run(["user", "disable", "jo.bloggs@bep.example"] + options).status == 0)
            #expect(try Custos.run(["user", "list"] + options).output.contains("jo.bloggs@bep.example  dpo  disabled"))
            #expect(try Custos.run(["user", "enable", "jo.bloggs@bep.example"] + options).status == 0)
            let passwd = try Custos.run(["user", "passwd", "jo.bloggs@bep.example"] + options)
            #expect(passwd.status == 0)
            #expect(passwd.output.trimmingCharacters(in: .whitespacesAndNewlines) != password)
            let unknown = try Custos.run(["user", "disable", "nobody@bep.example"] + options)
            #expect(unknown.status == 1)
            #expect(unknown.error.contains("no user signs in with that address"))

            let noApp = try Custos.run(["user", "remove-second-factor", "jo.bloggs@bep.example"] + options)
            #expect(noApp.status == 1)
            #expect(noApp.error.contains("has no authenticator app set up"))

            // A trainer names the events they deliver; no one else does.
            let trainer = try Custos.run(
                [
                    "user", "add", "--email", "t@bep.example", "--name", "T", "--role", "trainer", "--event",
                    "Phonics", "--password-stdin",
                ] + options, input: "a long enough passphrase\n")
            #expect(trainer.status == 0, "\(trainer.error)")
            let events = try Custos.run(
                ["user", "events", "t@bep.example", "--event", "Phonics", "--event", "Leading maths"] + options)
            #expect(events.output.contains("Events set: Phonics, Leading maths."))
            let notTrainer = try Custos.run(["user", "events", "jo.bloggs@bep.example", "--event", "X"] + options)
            #expect(notTrainer.status == 1)
            #expect(notTrainer.error.contains("event: only a trainer delivers events"))

            let audit = try Custos.run(["audit", "log"] + options).output
            for action in ["user.add", "user.disable", "user.enable", "user.password", "user.events"] {
                #expect(audit.contains(action))
            }
            #expect(!audit.contains(password))
        }
    }
}
