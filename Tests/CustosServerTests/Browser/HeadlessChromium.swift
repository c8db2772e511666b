import CustosTestSupport
import Foundation

/// A real headless Chromium, driven through chromedriver by the W3C WebDriver protocol, for
/// tests of pages as people's browsers run them. Needs Debian's `chromium` and `chromium-driver`.
final class HeadlessChromium: @unchecked Sendable {
    private let driver: ChildProcess
    private let base: Int
    private let session: String

    struct WebDriverError: Error, CustomStringConvertible {
        var description: String
    }

    private init(driver: ChildProcess, base: Int, session: String) {
        self.driver = driver
        self.base = base
        self.session = session
    }

    /// Starts chromedriver and a browser session; `javascript: false` runs the browser with
    /// JavaScript turned off.
    static func launch(javascript: Bool = true) async throws -> HeadlessChromium {
        // A busy machine (the whole suite runs at once) may take a while to start chromedriver, and
        // a random port may be taken: up to three tries, 20 seconds each.
        var started: (driver: ChildProcess, port: Int)?
        var lastError: (any Error)?
        for _ in 0..<3 where started == nil {
            let port = Int.random(in: 30_000..<60_000)
            let driver = ChildProcess()
            driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
            driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
            driver.standardOutput = FileHandle.nullDevice
            driver.standardError = FileHandle.nullDevice
            try driver.start()
            for _ in 0..<200 where started == nil && driver.isRunning {
                do {
                    _ = try await call(port, "GET", "/status")
                    started = (driver, port)
                } catch {
                    lastError = error
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            if started == nil { stop(driver) }
        }
        guard let (driver, base) = started else {
            throw WebDriverError(description: "chromedriver did not start: \(String(describing: lastError))")
        }
        var options: [String: Any] = [
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        ]
        if !javascript { options["prefs"] = ["profile.managed_default_content_settings.javascript": 2] }
        do {
            let answer = try await call(
                base, "POST", "/session",
                ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]])
            guard let session = (answer as? [String: Any])?["sessionId"] as? String else {
                throw WebDriverError(description: "no session: \(answer)")
            }
            return HeadlessChromium(driver: driver, base: base, session: session)
        } catch {
            stop(driver)
            throw error
        }
    }

    /// Runs `body` with a fresh browser, which is closed after, whatever happens.
    static func with<Result>(
        javascript: Bool = true, _ body: (HeadlessChromium) async throws -> Result
    ) async throws -> Result {
        let browser = try await launch(javascript: javascript)
        do {
            let result = try await body(browser)
            await browser.quit()
            return result
        } catch {
            await browser.quit()
            throw error
        }
    }

    /// chromedriver ignores SIGTERM; it is killed.
    private static func stop(_ driver: ChildProcess) {
        driver.sendSignal(SIGKILL)
        driver.waitUntilExit()
    }

    /// Ends the session and stops chromedriver.
    func quit() async {
        _ = try? await Self.call(base, "DELETE", "/session/\(session)")
        Self.stop(driver)
    }

    /// Loads a page and waits for it to finish loading.
    func open(_ url: String) async throws {
        _ = try await command("POST", "url", ["url": url])
    }

    /// The ids of the elements matching a CSS selector.
    func elements(_ selector: String) async throws -> [String] {
        let found = try await command("POST", "elements", ["using": "css selector", "value": selector])
        return (found as? [[String: String]] ?? []).compactMap { $0.values.first }
    }

    /// Clicks the first element matching a CSS selector, and, when the click loads a page (a link,
    /// a form's button), waits until the new page has loaded: chromedriver may answer the click
    /// before the old page has given way, and a check made then reads the old page. A click that
    /// loads nothing (the cookie banner's buttons) waits a moment and goes on.
    func click(_ selector: String) async throws {
        guard let element = try await elements(selector).first else {
            throw WebDriverError(description: "nothing matches \(selector)")
        }
        _ = try await run("window.__custosOldPage = true; return true;")
        _ = try await command("POST", "element/\(element)/click", [:])
        let deadline = Date().addingTimeInterval(1.5)
        var loading = false
        while true {
            let state =
                try await run("return window.__custosOldPage === true ? 'old' : document.readyState;") as? String
            if state == "complete" { return }
            if state != "old" { loading = true }
            if !loading, Date() > deadline { return }
            if loading, Date() > deadline.addingTimeInterval(15) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The id of the element that has the keyboard focus.
    func focusedElement() async throws -> String? {
        (try await command("GET", "element/active") as? [String: String])?.values.first
    }

    /// The browser's cookies for the current page, by name.
    func cookies() async throws -> [String: String] {
        let all = try await command("GET", "cookie") as? [[String: Any]] ?? []
        var result: [String: String] = [:]
        for cookie in all {
            if let name = cookie["name"] as? String { result[name] = cookie["value"] as? String ?? "" }
        }
        return result
    }

    /// Types `text` into the first element matching a CSS selector.
    func type(_ selector: String, _ text: String) async throws {
        guard let element = try await elements(selector).first else {
            throw WebDriverError(description: "nothing matches \(selector)")
        }
        _ = try await command("POST", "element/\(element)/value", ["text": text])
    }

    /// The address of the page shown.
    func currentURL() async throws -> String {
        try await command("GET", "url") as? String ?? ""
    }

    /// The page's title.
    func title() async throws -> String {
        try await command("GET", "title") as? String ?? ""
    }

    /// The text of the page's body, as shown.
    func text() async throws -> String {
        try await run("return document.body.innerText;") as? String ?? ""
    }

    /// Sets the window's size, e.g. a phone's 390 × 844.
    func resize(width: Int, height: Int) async throws {
        _ = try await command("POST", "window/rect", ["width": width, "height": height])
    }

    /// Saves a PNG of the page as shown to `url`.
    func screenshot(to url: URL) async throws {
        guard let base64 = try await command("GET", "screenshot") as? String, let png = Data(base64Encoded: base64)
        else { throw WebDriverError(description: "no screenshot") }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: url)
    }

    /// What axe-core (run in the page) finds against WCAG 2.0, 2.1 and 2.2 A and AA: each
    /// violation's rule, impact and the elements at fault. The script's path is in
    /// `CUSTOS_AXE_JS` (`scripts/test.sh` fetches it).
    func accessibilityViolations() async throws -> [AccessibilityViolation] {
        guard let path = ProcessInfo.processInfo.environment["CUSTOS_AXE_JS"] else {
            throw WebDriverError(description: "CUSTOS_AXE_JS is not set (scripts/test.sh sets it)")
        }
        let axe = try String(contentsOfFile: path, encoding: .utf8)
        _ = try await run(axe + "\nreturn typeof axe;")
        _ = try await command("POST", "timeouts", ["script": 60_000])
        let found = try await command(
            "POST", "execute/async",
            [
                "script": """
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', nodes: v.nodes.map(n => n.target.join(' '))}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));
                """,
                "args": [],
            ])
        return (found as? [[String: Any]] ?? []).map { violation in
            AccessibilityViolation(
                rule: violation["id"] as? String ?? "", impact: violation["impact"] as? String ?? "",
                elements: violation["nodes"] as? [String] ?? [])
        }
    }

    /// One rule axe-core found broken.
    struct AccessibilityViolation: CustomStringConvertible {
        var rule: String
        var impact: String
        var elements: [String]

        /// Serious and critical violations fail the tests.
        var isSerious: Bool { impact == "serious" || impact == "critical" }

        var description: String { "\(rule) (\(impact)): \(elements.joined(separator: ", "))" }
    }

    /// Runs a script that calls its last argument when done, and returns what it passed.
    func runAsync(_ script: String) async throws -> Any {
        _ = try await command("POST", "timeouts", ["script": 60_000])
        return try await command("POST", "execute/async", ["script": script, "args": []])
    }

    /// Runs a script in the page and returns its result.
    func run(_ script: String) async throws -> Any {
        try await command("POST", "execute/sync", ["script": script, "args": []])
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        try await Self.call(base, method, "/session/\(session)/\(path)", body)
    }

    /// One WebDriver call, made with curl: Foundation's URLSession on Linux fails against
    /// chromedriver ("Failed writing header"), and curl is on every machine the tests run on.
    private static func call(
        _ port: Int, _ method: String, _ path: String, _ body: [String: Any]? = nil
    )
        async throws -> Any
    {
        var arguments = ["-s", "--max-time", "60", "-X", method, "http://127.0.0.1:\(port)\(path)"]
        // The body goes through a file: a script (axe-core is half a megabyte) is too long for an argument.
        let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "webdriver-body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        if let body {
            try JSONSerialization.data(withJSONObject: body).write(to: bodyFile)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@" + bodyFile.path]
        }
        // The answer goes to a file, and the wait is a suspension, not a blocked thread: the pages
        // come from a server in this same process, whose tasks need the (two) cooperative threads
        // that a blocking wait would hold.
        let answerFile = FileManager.default.temporaryDirectory.appendingPathComponent("webdriver-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: answerFile) }
        arguments += ["-o", answerFile.path]
        let curl = ChildProcess()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = arguments
        curl.standardOutput = FileHandle.nullDevice
        curl.standardError = FileHandle.nullDevice
        do { try curl.start() } catch {
            throw WebDriverError(description: "\(method) \(path): curl did not start: \(error)")
        }
        await curl.waitForExit()
        let data = (try? Data(contentsOf: answerFile)) ?? Data()
        guard curl.terminationStatus == 0,
            let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        else {
            throw WebDriverError(description: "\(method) \(path): curl exited \(curl.terminationStatus)")
        }
        if let value = json["value"] as? [String: Any], let error = value["error"] as? String {
            throw WebDriverError(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return json["value"] ?? NSNull()
    }
}
