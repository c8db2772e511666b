import ArgumentParser
import CustosCore
import CustosDeployment
import CustosMail
import CustosServer
import CustosServices
import Foundation

/// `custos doctor`: checks, with the settings `custos serve` would use, what makes a deployment
/// fail quietly: the master key file's permissions, the database and its migrations, the public
/// address links are made with, who emails come from and whether the mail server answers, and
/// whether the backup folder can be written. Exit 1 when any check finds a problem.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a deployment for what makes it fail quietly: keys, database, public URL, mail, backups.",
        discussion:
            "Give it the options and environment `custos serve` runs with. It reads, and sends no email (it connects to the mail server, signs in and says goodbye); with SQLite it applies migrations as every command does. Exit 1 when a check finds a problem."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var mail: MailOptions
    @OptionGroup var publicURL: PublicURLOption
    @OptionGroup var backups: BackupOptions

    /// One check's outcome.
    struct Finding {
        var check: String
        var passed: Bool
        var detail: String
    }

    func run() async throws {
        var findings = [keyFile()]
        findings += await installation()
        findings.append(publicAddress())
        findings += await mailServer()
        findings.append(backupFolder())
        let width = findings.map(\.check.count).max() ?? 0
        for finding in findings {
            let padding = String(repeating: " ", count: width - finding.check.count)
            print("\(finding.passed ? "ok     " : "PROBLEM") \(finding.check)\(padding)  \(finding.detail)")
        }
        let problems = findings.filter { !$0.passed }.count
        print(problems == 0 ? "\nNo problems found." : "\n\(problems) \(problems == 1 ? "problem" : "problems") found.")
        if problems > 0 { throw ExitCode(1) }
    }

    /// The key file is there, its owner's alone, and reads as keys.
    func keyFile() -> Finding {
        let keys = store.keys
        guard case .file(let url) = keys.location else {
            return Finding(check: "master keys", passed: true, detail: "from \(keys.location), not a file")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            return Finding(
                check: "master keys", passed: false,
                detail: "\(url.path) does not exist: make it with `custos init`, or point --key-file at it")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 {
            return Finding(
                check: "master keys", passed: false,
                detail: "\(url.path) is mode \(String(mode, radix: 8)): others can read it; run chmod 600 \(url.path)")
        }
        let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value
        if let owner, owner != getuid() {
            return Finding(
                check: "master keys", passed: false,
                detail: "\(url.path) belongs to another user (uid \(owner)); the server's user should own it")
        }
        do {
            let ring = try keys.ring()
            return Finding(
                check: "master keys", passed: true,
                detail:
                    "\(url.path): mode \(String(mode, radix: 8)), \(ring.keys.count) \(ring.keys.count == 1 ? "key" : "keys")"
            )
        } catch {
            return Finding(check: "master keys", passed: false, detail: "\(url.path) does not read as keys")
        }
    }

    /// The database answers, its schema is current, the keys open each workspace, and each
    /// workspace that confirms addresses by email has someone to send from.
    func installation() async -> [Finding] {
        do {
            let location = try store.location()
            let centreMail = PrivacyCentreMail(
                transport: EmlFolderTransport(folder: FileManager.default.temporaryDirectory),
                publicURL: "http://127.0.0.1", sender: try mail.sender())
            return try await store.withInstallation { installation in
                let readiness = await installation.readiness()
                var findings = readiness.checks.map {
                    Finding(
                        check: $0.name == "keys" ? "workspace keys" : $0.name, passed: $0.passed,
                        detail: $0.name == "database" ? "\(location) \($0.detail)" : $0.detail)
                }
                for workspace in try await installation.workspaces() {
                    guard let vault = try? await installation.vault(workspace) else { continue }
                    if let problem = PrivacyCentreMail.cannotConfirm(centreMail, for: vault) {
                        findings.append(
                            Finding(check: "mail sender", passed: false, detail: "\(workspace.name): \(problem)"))
                    }
                }
                if !findings.contains(where: { $0.check == "mail sender" }) {
                    findings.append(
                        Finding(check: "mail sender", passed: true, detail: "every workspace can confirm addresses"))
                }
                return findings
            }
        } catch {
            let described = StoreLocation.described(error)
            let message = (described as? any CustosError)?.message ?? "\(type(of: described))"
            return [Finding(check: "database", passed: false, detail: "cannot be opened: \(message)")]
        }
    }

    /// Links in emails start with the public address: it must be where people reach the server.
    func publicAddress() -> Finding {
        let url: String
        do {
            url = try publicURL.checked()
        } catch {
            return Finding(check: "public URL", passed: false, detail: "\(error)")
        }
        let host = URL(string: url)?.host ?? ""
        if ["127.0.0.1", "localhost", "::1"].contains(host) {
            return Finding(
                check: "public URL", passed: false,
                detail: "\(url) is this machine: links in emails would not reach anyone; set CUSTOS_PUBLIC_URL")
        }
        if !url.lowercased().hasPrefix("https://") {
            return Finding(
                check: "public URL", passed: false,
                detail:
                    "\(url) is not https: people's links, and the console's cookie, would cross the network in clear")
        }
        return Finding(check: "public URL", passed: true, detail: url)
    }

    /// The mail server answers, secures the connection and takes the user, as a delivery would.
    func mailServer() async -> [Finding] {
        let transport: any MessageTransport
        do {
            transport = try mail.transport(store: store)
        } catch {
            return [Finding(check: "mail server", passed: false, detail: "\(error)")]
        }
        guard let smtp = transport as? SMTPTransport else {
            return [
                Finding(
                    check: "mail server", passed: false,
                    detail:
                        "\(transport): messages are written to files, not sent; set CUSTOS_MAIL_URL to an SMTP server")
            ]
        }
        do {
            try await smtp.check()
            return [Finding(check: "mail server", passed: true, detail: "\(smtp) answers and takes the sign-in")]
        } catch let failure as DeliveryFailure {
            return [Finding(check: "mail server", passed: false, detail: failure.reason)]
        } catch {
            return [Finding(check: "mail server", passed: false, detail: "\(smtp): \(type(of: error))")]
        }
    }

    /// The scheduled backups' folder can be written, when there is one.
    func backupFolder() -> Finding {
        let settings: ScheduledBackups.Settings?
        do {
            settings = try backups.settings()
        } catch {
            return Finding(check: "backups", passed: false, detail: "\(error)")
        }
        guard let settings else {
            return Finding(
                check: "backups", passed: !(store.database == nil),
                detail: store.database == nil
                    ? "none scheduled: give --backup-folder (or CUSTOS_BACKUP_FOLDER), or back up with `custos backup`"
                    : "PostgreSQL: back up with pg_dump and record each copy (docs/operations.md)")
        }
        if store.database != nil {
            return Finding(check: "backups", passed: false, detail: "--backup-folder is for SQLite; use pg_dump")
        }
        let probe = settings.folder.appendingPathComponent(".custos-doctor-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: settings.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data().write(to: probe)
            try FileManager.default.removeItem(at: probe)
            return Finding(
                check: "backups", passed: true,
                detail:
                    "\(settings.folder.path) is writable; a copy every \(Int(settings.every / 3600)) hours, kept \(Int(settings.keep / 86_400)) days"
            )
        } catch {
            return Finding(check: "backups", passed: false, detail: "\(settings.folder.path) cannot be written")
        }
    }
}
