import Crypto
import CustosCore
import CustosTestSupport
import Foundation
import Testing

@Suite("Messages: signed links, templates, emails")
struct MessagingTests {
    let workspace = UUID()
    let key = SymmetricKey(size: .bits256)
    var signer: LinkSigner { LinkSigner(key: key, workspaceID: workspace) }

    @Test("a link token round-trips, and every kind of tampering is refused")
    func linkTokens() throws {
        let subject = UUID()
        let claims = LinkClaims(
            kind: .unsubscribe, subjectID: subject, purpose: "marketing", list: "lens", messageID: UUID())
        let token = signer.token(for: claims)
        #expect(try signer.claims(of: token, kind: .unsubscribe) == claims)
        #expect(!token.contains(subject.uuidString))  // ids are inside, but not in plain sight

        var altered = Array(token)
        altered[3] = altered[3] == "a" ? "b" : "a"
        #expect(throws: LinkTokenError.forged) { try signer.claims(of: String(altered), kind: .unsubscribe) }
        #expect(throws: LinkTokenError.forged) {
            try LinkSigner(key: key, workspaceID: UUID()).claims(of: token, kind: .unsubscribe)
        }
        #expect(throws: LinkTokenError.forged) {
            try LinkSigner(key: SymmetricKey(size: .bits256), workspaceID: workspace).claims(
                of: token, kind: .unsubscribe)
        }
        #expect(throws: LinkTokenError.wrongKind(expected: .preferences)) {
            try signer.claims(of: token, kind: .preferences)
        }
        for bad in ["", "abc", "abc.def.ghi", String(token.dropLast(5)) + "!!!!!", token + "."] {
            #expect(throws: LinkTokenError.self) { try signer.claims(of: bad, kind: .unsubscribe) }
        }
        let now = Date()
        let preferences = signer.token(
            for: LinkClaims(kind: .preferences, subjectID: subject, expiresAt: now.addingTimeInterval(60)))
        #expect(try signer.claims(of: preferences, kind: .preferences, at: now).subjectID == subject)
        #expect(throws: LinkTokenError.expired) {
            try signer.claims(of: preferences, kind: .preferences, at: now.addingTimeInterval(61))
        }
    }

    @Test("a template checked against ASHE's policy: header fields, purpose, list and values")
    func templates() throws {
        let policy = try PolicyLoader.load(contentsOf: Repository.example("ashe")).policy
        let good = try MessageTemplate(
            text: "---\nsubject: Hello {{name}}\npurpose: marketing\nlist: lens\n---\nDear {{name}}, {{head_email}}\n",
            name: "lens.txt")
        try good.check(against: policy)
        #expect(good.question == ContactQuestion(purpose: "marketing", channel: .email, list: "lens"))
        #expect(good.variables.map(\.name) == ["name", "head_email"])
        let rendered = good.render(["name": "Ann <Smith>\nX", "head_email": "a&b@example.org"])
        #expect(rendered.subject == "Hello Ann <Smith> X")  // plain text, one line
        #expect(rendered.text == "Dear Ann <Smith>\nX, a&b@example.org\n")

        func failure(_ text: String) -> MessageTemplateError? {
            do {
                try MessageTemplate(text: text, name: "t.txt").check(against: policy)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure("Dear {{name}}")?.description.hasPrefix("t.txt:1: a message template starts") == true)
        #expect(failure("---\npurpose: marketing\n---\nx")?.message.hasPrefix("subject:") == true)
        #expect(failure("---\nsubject: s\npurpose: marketing\nlist: lens\nsender: me\n---\nx")?.line == 5)
        #expect(failure("---\nsubject: s\npurpose: marketing\nlist: lens\nchannel: sms\n---\nx")?.line == 5)
        #expect(failure("---\nsubject: s\npurpose: marketing\nlist: lens\n---\nok\n{{#name}}oops")?.line == 7)
        let typo = failure("---\nsubject: s\npurpose: marketing\nlist: lens\n---\nline\nDear {{nmae}}")
        #expect(typo?.line == 7)
        #expect(typo?.message.contains("did you mean {{name}}?") == true)
        #expect(failure("---\nsubject: s\npurpose: marketing\n---\nx")?.message.hasPrefix("list:") == true)
    }

    @Test("an email: headers on one line each, List-Unsubscribe for marketing, UTF-8 bodies, the pixel in HTML only")
    func email() throws {
        let from = try #require(MailAddress("office@ashe.example", name: "ASHE \"Office\""))
        let to = try #require(MailAddress("ann@school.example", name: "Zoë Smith"))
        #expect(MailAddress("ann@school.example>\r\nBcc: x@y.example") == nil)
        #expect(MailAddress("not an address") == nil)
        let email = OutgoingEmail(
            id: UUID(), from: from, to: to, subject: "Café\r\nBcc: evil@example.org",
            text: "Hello Zoë,\n\nSee https://example.org/a?b=1&c=2\n",
            date: Date(timeIntervalSince1970: 0), unsubscribeURL: "https://p.example/u?token=t",
            openPixelURL: "https://p.example/o?token=t")
        let text = String(decoding: email.rfc5322(), as: UTF8.self)
        let headers = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(headers.contains("From: \"ASHE \\\"Office\\\"\" <office@ashe.example>"))
        #expect(headers.contains("To: =?utf-8?B?"))
        #expect(headers.contains("Subject: =?utf-8?B?"))
        #expect(!headers.contains("\nBcc:"))
        #expect(headers.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
        #expect(headers.contains("List-Unsubscribe: <https://p.example/u?token=t>"))
        #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))  // CRLF throughout
        #expect(email.html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">"))
        #expect(email.html.contains("<img src=\"https://p.example/o?token=t\" width=\"1\" height=\"1\" alt=\"\">"))
        #expect(email.html.contains("Hello Zoë,"))
    }
}
