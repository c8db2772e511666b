import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("Console sign-in with a second factor")
struct ConsoleSecondFactorTests {
    @Test("a role the policy names sets up an app at first sign-in, then needs its code every time; a code works once")
    func requiredSecondFactor() async throws {
        try await ApiFixture.with(["hutton"]) { fixture in
            try await fixture.user("dpo@hutton.example", role: .dpo, in: "hutton")
            try await fixture.consoleApp.test(.router) { client in
                // The password alone leads to setting up an app, not to the console.
                var browser = try await ConsoleBrowser.signIn(client, "dpo@hutton.example")
                #expect(try await browser.get(client, "/console").0 == .seeOther)
                let (status, page) = try await browser.get(client, "/console/sign-in/enrol")
                #expect(status == .ok)
                #expect(page.contains("Your role must sign in with a code from an authenticator app"))
                let secret = try Self.secret(fromSetupPage: page)
                let token = try Self.formToken(page)

                let (wrong, _) = try await browser.post(
                    client, "/console/sign-in/enrol", form: "code=000000", token: token)
                #expect(wrong == .badRequest)
                let now = Date()
                let (enrolled, headers) = try await browser.post(
                    client, "/console/sign-in/enrol", form: "code=\(SecondFactors.code(secret: secret, at: now))",
                    token: token)
                #expect(enrolled == .seeOther)
                #expect(headers[.location] == "/console")
                let renewed = try #require(headers[.setCookie]).prefix { $0 != ";" }
                #expect(String(renewed) != browser.cookie, "the half-signed-in session is not reused")
                browser.cookie = String(renewed)
                #expect(try await browser.get(client, "/console").0 == .ok)
                // A session alone cannot swap the app for another.
                let (swap, swapHeaders) = try await client.execute(
                    uri: "/console/sign-in/enrol", method: .get, headers: [.cookie: try #require(browser.cookie)]
                ) { ($0.status, $0.headers) }
                #expect(swap == .seeOther)
                #expect(swapHeaders[.location] == "/console/sign-in")

                // Next time: password, then the code; the code just used is refused.
                var next = try await ConsoleBrowser.signIn(client, "dpo@hutton.example")
                try await client.execute(
                    uri: "/console/sign-in", method: .post, headers: ConsoleBrowser.formType,
                    body: ByteBuffer(
                        string: "email=dpo%40hutton.example&password=\(ConsoleBrowser.encoded(ApiFixture.password))")
                ) { response in
                    #expect(response.headers[.location] == "/console/sign-in/code")
                }
                #expect(try await next.get(client, "/console").0 == .seeOther)
                let codePage = try await next.get(client, "/console/sign-in/code").1
                let codeToken = try Self.formToken(codePage)
                let replay = try await next.post(
                    client, "/console/sign-in/code", form: "code=\(SecondFactors.code(secret: secret, at: now))",
                    token: codeToken)
                #expect(replay.0 == .unauthorized)
                // The next step's code: 30 seconds on, or now if a slow run has already passed it.
                let later = max(Date(), now.addingTimeInterval(30))
                let (accepted, signedIn) = try await next.post(
                    client, "/console/sign-in/code", form: "code=\(SecondFactors.code(secret: secret, at: later))",
                    token: codeToken)
                #expect(accepted == .seeOther)
                next.cookie = try #require(signedIn[.setCookie]).prefix { $0 != ";" }.description
                #expect(try await next.get(client, "/console").0 == .ok)
            }
            let stored = try #require(try await fixture.store.staffUser(email: "dpo@hutton.example"))
            let sealed = try #require(stored.totpSealed)
            #expect(sealed.count > 40)
            let actions = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event.action)
            #expect(actions.contains("user.second_factor"))
            #expect(actions.contains("user.second_factor_used"))
        }
    }

    @Test("wrong codes count towards the lock-out; removing the app ends sessions and asks for a new one")
    func lockOutAndRemoval() async throws {
        try await ApiFixture.with(["hutton"]) { fixture in
            let user = try await fixture.user("admin@hutton.example", role: .admin, in: "hutton")
            let vault = try await fixture.vault("hutton")
            let factors = SecondFactors(vault: vault, hashing: ApiFixture.quickHashing)
            let secret = SecondFactors.newSecret()
            #expect(secret.count == 22 && secret.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let key = SecondFactors.setup(secret: secret, account: "a@b", issuer: "Custos").key
            #expect(key.count == 36, "nine groups of four to type in")
            let time = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await factors.enrol(user, secret: secret, code: "123", at: time) == nil)
            let enrolled = try #require(
                try await factors.enrol(
                    user, secret: secret, code: SecondFactors.code(secret: secret, at: time), at: time))
            var current = enrolled
            for _ in 1...4 {
                #expect(try await factors.verify(current, code: "000000", at: time) == .wrongCode)
                current = try #require(try await fixture.store.staffUser(id: user.id))
            }
            #expect(
                try await factors.verify(current, code: "000000", at: time)
                    == .locked(until: time.addingTimeInterval(StaffUsers.lockDuration)))
            current = try #require(try await fixture.store.staffUser(id: user.id))
            #expect(
                try await factors.verify(
                    current, code: SecondFactors.code(secret: secret, at: time + 60), at: time + 60)
                    == .locked(until: time.addingTimeInterval(StaffUsers.lockDuration)))
            try await factors.remove(from: current, by: "cli:dpo")
            let removed = try #require(try await fixture.store.staffUser(id: user.id))
            #expect(removed.totpSealed == nil)
            #expect(removed.sessionEpoch == current.sessionEpoch + 1)
        }
    }

    @Test("the setup link is what authenticator apps read")
    func setupLink() {
        let setup = SecondFactors.setup(
            secret: "12345678901234567890", account: "dpo@hutton.example", issuer: "Custos hutton")
        #expect(setup.key == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(setup.link.hasPrefix("otpauth://totp/"))
        #expect(setup.link.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
        // RFC 6238's SHA-1 vector, cut to six digits.
        #expect(
            SecondFactors.code(secret: "12345678901234567890", at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    /// The secret behind the key the setup page shows (Base32 of the secret's text).
    static func secret(fromSetupPage page: String) throws -> String {
        let start = try #require(page.range(of: #"<code id="setup-key">"#)).upperBound
        let key = page[start...].prefix { $0 != "<" }.filter { $0 != " " }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0
        var value = 0
        var bytes: [UInt8] = []
        for character in key {
            value = value << 5 | (alphabet.firstIndex(of: character) ?? 0)
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func formToken(_ page: String) throws -> String {
        let start = try #require(page.range(of: #"name="csrf" value=""#)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }
}
