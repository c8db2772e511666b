import ArgumentParser
import CustosCore
import CustosMail
import CustosServices
import Foundation

/// `--mail`: where the outbox delivers.
struct MailOptions: ParsableArguments {
    @Option(
        name: .customLong("mail"),
        help: ArgumentHelp(
            "Where messages go: smtp://host:port, smtp+starttls://user:password@host:587, smtps://user:password@host:465, or a folder for .eml files. Default: CUSTOS_MAIL_URL, else the outbox folder in the data folder. Prefer CUSTOS_MAIL_URL for a password: the command line is visible to other users.",
            valueName: "URL"))
    var mail: String?

    @Option(
        name: .customLong("mail-from"),
        help: ArgumentHelp(
            "Who the organisation's own emails (request confirmations, reminders to the DPO) come from. Default: CUSTOS_MAIL_FROM, else the controller's (else the DPO's) email in each policy.",
            valueName: "ADDRESS"))
    var mailFrom: String?

    /// The sender given, checked; nil for each workspace's own.
    func sender() throws -> MailAddress? {
        guard let text = mailFrom ?? Settings.current.value(.mailFrom) else { return nil }
        guard let address = MailAddress(text) else {
            let origin = Settings.current.origin(of: .mailFrom, givenAsOption: mailFrom != nil)
            throw ValidationError("\(origin): '\(text)' is not an email address")
        }
        return address
    }

    /// The transport named, or the `.eml` folder beside the data.
    func transport(store: StoreOptions) throws -> any MessageTransport {
        let setting =
            mail ?? Settings.current.value(.mailURL)
            ?? (store.database == nil ? "\(store.data)/outbox" : "./custos-outbox")
        do {
            return try MailTransports.transport(for: setting)
        } catch {
            throw ValidationError(
                "\(Settings.current.origin(of: .mailURL, givenAsOption: mail != nil)): \(error.message)")
        }
    }
}

/// `--public-url`: where people reach the privacy centre, as links to it are made.
struct PublicURLOption: ParsableArguments {
    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "Where people reach the privacy centre; links in messages start with it. Default: CUSTOS_PUBLIC_URL, else http://127.0.0.1:8080.",
            valueName: "URL"))
    var publicURL: String?

    /// The address, checked.
    func checked() throws -> String {
        let url = publicURL ?? Settings.current.value(.publicURL) ?? "http://127.0.0.1:8080"
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            let origin = Settings.current.origin(of: .publicURL, givenAsOption: publicURL != nil)
            throw ValidationError("\(origin): '\(url)' is not an http or https address")
        }
        return url
    }
}

/// `--from` and `--public-url`: how messages are addressed and linked.
struct MessageLinkOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The sender's address. Default: the controller's (else the DPO's) email in the policy.",
            valueName: "ADDRESS"))
    var from: String?

    @OptionGroup var publicURL: PublicURLOption

    func settings(for policy: Policy) throws -> MessageSettings {
        guard let address = from ?? policy.controller.email ?? policy.dpo?.email else {
            throw ValidationError("--from: the policy gives no controller or DPO email; give the sender's address")
        }
        guard let sender = MailAddress(address, name: policy.controller.displayName) else {
            throw ValidationError("--from: '\(address)' is not an email address")
        }
        return MessageSettings(from: sender, publicURL: try publicURL.checked())
    }
}
