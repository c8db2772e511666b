import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request certificate ID`: an erasure request's certificate, as text or JSON.
struct RequestCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate", abstract: "Print the certificate of an erasure carried out.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var request: RequestIDArgument
    @Option(help: "text (for the person) or json.") var format: Format = .text
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let certificate = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Erasures(vault: vault).certificate(request: id)
        }
        switch format {
        case .text:
            print(certificate.text, terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(certificate), as: UTF8.self))
        }
    }
}
