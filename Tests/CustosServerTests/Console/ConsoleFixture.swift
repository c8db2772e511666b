import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CustosServer

/// Console users over an ``ApiFixture``, and a signed-in browser's part in tests: the session
/// cookie and the form token.
extension ApiFixture {
    /// bcrypt at its lowest cost keeps the tests quick; the checks are the same.
    static let quickHashing = PasswordHashing(cost: 4)
    static let password = "correct horse battery staple"

    var consoleApp: some ApplicationProtocol {
        buildApplication(
            installation: Installation(store: store, keys: keys),
            configuration: ServerConfiguration(passwordHashing: Self.quickHashing),
            logger: Logger(label: "custos.test"))
    }

    /// The application listening on a free port of 127.0.0.1, for a real browser; `mail` sends the
    /// privacy centre's emails at once.
    func liveApp(mail: PrivacyCentreMail? = nil) -> some ApplicationProtocol {
        buildApplication(
            installation: Installation(store: store, keys: keys),
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, passwordHashing: Self.quickHashing),
            mail: mail, logger: Logger(label: "custos.test"))
    }

    var users: StaffUsers { StaffUsers(store: store, hashing: Self.quickHashing) }

    /// Adds a user to `workspace` with ``password``.
    @discardableResult
    func user(
        _ email: String, role: StaffRole, in workspace: String = "bep", school: UUID? = nil
    ) async throws -> StoredStaffUser {
        try await users.add(
            email: email, name: "Test \(role.rawValue)", role: role, schoolID: school, password: Self.password,
            in: self.workspace(workspace), by: "test")
    }
}

/// A browser's session with the console, as far as tests need one.
struct ConsoleBrowser {
    var cookie: String?

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in; expects the redirect that follows a good password.
    static func signIn(
        _ client: some TestClientProtocol, _ email: String, password: String = ApiFixture.password,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> ConsoleBrowser {
        let form = "email=\(Self.encoded(email))&password=\(Self.encoded(password))"
        return try await client.execute(
            uri: "/console/sign-in", method: .post, headers: formType, body: ByteBuffer(string: form)
        ) { response in
            #expect(response.status == .seeOther, sourceLocation: sourceLocation)
            let setCookie = try #require(response.headers[.setCookie], sourceLocation: sourceLocation)
            return ConsoleBrowser(cookie: String(setCookie.prefix { $0 != ";" }))
        }
    }

    /// A GET with the session cookie: the status and the page.
    func get(_ client: some TestClientProtocol, _ path: String) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            (response.status, String(buffer: response.body))
        }
    }

    /// A form POST with the session cookie; `token` is sent as the form token unless nil.
    func post(
        _ client: some TestClientProtocol, _ path: String, form: String = "", token: String?,
        headers extra: HTTPFields = [:]
    ) async throws -> (HTTPResponse.Status, HTTPFields) {
        var headers = Self.formType
        if let cookie { headers[.cookie] = cookie }
        headers.append(contentsOf: extra)
        let body = [form, token.map { "csrf=\(Self.encoded($0))" } ?? ""].filter { !$0.isEmpty }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, $0.headers)
        }
    }

    /// A form POST with the session cookie and form token: the status, the headers and the page.
    func submit(
        _ client: some TestClientProtocol, _ path: String, form: String = "", token: String
    ) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, page: String) {
        var headers = Self.formType
        if let cookie { headers[.cookie] = cookie }
        let body = [form, "csrf=\(Self.encoded(token))"].filter { !$0.isEmpty }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, $0.headers, String(buffer: $0.body))
        }
    }

    /// Searches for a person as the people page's form does; the status and the page.
    func search(
        _ client: some TestClientProtocol, kind: String, value: String
    ) async throws -> (HTTPResponse.Status, String) {
        var headers = Self.formType
        if let cookie { headers[.cookie] = cookie }
        let token = try await formToken(client)
        let body = "csrf=\(Self.encoded(token))&kind=\(kind)&value=\(Self.encoded(value))"
        return try await client.execute(
            uri: "/console/people", method: .post, headers: headers, body: ByteBuffer(string: body)
        ) { ($0.status, String(buffer: $0.body)) }
    }

    /// The form token on the dashboard page (every signed-in page's sign-out form carries it).
    func formToken(_ client: some TestClientProtocol) async throws -> String {
        let (_, page) = try await get(client, "/console")
        let marker = #"name="csrf" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
