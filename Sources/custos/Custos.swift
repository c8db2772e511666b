import ArgumentParser
import CustosCore
import CustosDeployment
import Foundation
import Logging

/// The `custos` command.
///
/// Exit codes are a contract scripts rely on: 0 success, 1 findings or a refusal (policy errors,
/// an incomplete notice, rows rejected), 2 a usage error.
@main
struct Custos: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custos",
        abstract: "The privacy notice, enforced: a personal-data platform for UK education.",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, InitCommand.self, ServeCommand.self, PolicyCommand.self, ImportCommand.self,
            SubjectCommand.self, SchoolCommand.self, ConsentCommand.self, ContactCommand.self, AudienceCommand.self,
            SuppressionCommand.self, ProcessingCommand.self, MessageCommand.self, OutboxCommand.self,
            CommunicationsCommand.self, PreferencesLinkCommand.self, TokenCommand.self, AuditCommand.self,
            RequestCommand.self, HoldCommand.self, TaskCommand.self, KeysCommand.self, BackupCommand.self,
            RestoreCommand.self, ErasuresCommand.self, CalendarCommand.self, RetentionCommand.self,
            ComplaintCommand.self, BreachCommand.self, DisclosureCommand.self, UserCommand.self,
            ConfigCommand.self, DoctorCommand.self, BenchCommand.self,
        ])

    static func main() async {
        do {
            Settings.current = try await Settings.load(
                arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.error("error: \(error)")
            Foundation.exit(2)
        }
        let level = Settings.current.value(.logLevel).flatMap { Logger.Level(rawValue: $0) } ?? .info
        switch Settings.current.value(.logFormat) ?? "text" {
        case "text":
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case "json":
            LoggingSystem.bootstrap { label in JSONLogHandler(logLevel: level, label: label) }
        case let other:
            Console.error(
                "\(Settings.current.origin(of: .logFormat, givenAsOption: false)): '\(other)' is not text or json")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exitFollowingContract(error)
        }
    }

    /// The one mapping of the services' error codes to exit codes. The contract (docs/cli.md)
    /// gives every refusal and failure the same code, 1; the message names the error.
    static func exitStatus(for code: ErrorCode) -> Int32 { 1 }

    /// Prints the error and exits with the code of the contract: usage errors are 2.
    private static func exitFollowingContract(_ error: any Error) -> Never {
        let error = StoreLocation.described(error)
        if let failure = error as? CommandFailure {
            if !failure.message.isEmpty { Console.error(failure.message) }
            Foundation.exit(1)
        }
        if let error = error as? any CustosError {
            Console.error("error: \(error.message)")
            Foundation.exit(exitStatus(for: error.errorCode))
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        if !message.isEmpty { Console.error(message) }
        Foundation.exit(code == .validationFailure ? 2 : 1)
    }
}
