import ArgumentParser
import CustosServer
import Foundation
import Logging

/// `custos config check`: the settings in force, where each came from, and whether each is usable.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "The configuration: the file, the environment and the defaults.",
        subcommands: [ConfigCheckCommand.self])
}

/// `custos config check [--config FILE]`.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print every setting in force, where it came from (environment, file or default), secrets hidden.",
        discussion:
            "Exit 1 when a value cannot be used (a port that is not a number, a public URL that is not http or https, a metrics token too short, ...). Options given to a command override what this shows."
    )

    @OptionGroup var config: ConfigOption

    func run() async throws {
        let settings = Settings.current
        print("Configuration file: \(settings.file ?? "none (give --config FILE or CUSTOS_CONFIG)")")
        print("")
        let rows = Setting.all.map { setting -> [String] in
            let value = settings.value(setting)
            let shown =
                if let value { setting.isSecret ? "(set, hidden)" : value } else { setting.defaultValue }
            return [setting.key, shown, settings.source(setting).description]
        }
        let widths = (0..<2).map { column in max(rows.map { $0[column].count }.max() ?? 0, 7) }
        for row in [["SETTING", "VALUE", "FROM"]] + rows {
            print(
                row[0].padding(toLength: widths[0] + 2, withPad: " ", startingAt: 0)
                    + row[1].padding(toLength: widths[1] + 2, withPad: " ", startingAt: 0) + row[2])
        }
        let problems = Self.problems(settings)
        print("")
        for problem in problems { print("PROBLEM \(problem)") }
        print(
            problems.isEmpty
                ? "Every setting can be used."
                : "\(problems.count) \(problems.count == 1 ? "setting" : "settings") cannot be used.")
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// What the commands would refuse, each naming its setting.
    static func problems(_ settings: Settings) -> [String] {
        var problems: [String] = []
        func check(_ body: () throws -> Void) {
            do { try body() } catch { problems.append("\(error)") }
        }
        if let port = settings.value(.port), Int(port).map({ (1...65_535).contains($0) }) != true {
            problems.append("server.port: '\(port)' is not a port (1 to 65535)")
        }
        check { _ = try PublicURLOption.parse([]).checked() }
        check { _ = try TrustedProxies((settings.value(.trustedProxies) ?? "").split(separator: ",").map(String.init)) }
        check { _ = try MailOptions.parse([]).sender() }
        check { _ = try MetricsOptions.parse([]).configuration(settings: settings) }
        check { _ = try BackupOptions.parse([]).settings(settings) }
        if let format = settings.value(.logFormat), !["text", "json"].contains(format) {
            problems.append("log.format: '\(format)' is not text or json")
        }
        if let level = settings.value(.logLevel), Logger.Level(rawValue: level) == nil {
            problems.append("log.level: '\(level)' is not trace, debug, info, notice, warning, error or critical")
        }
        for setting in [Setting.sqliteWriterCache, .sqliteReaderCache, .sqliteReaders] {
            if let value = settings.value(setting), Int(value).map({ $0 >= 1 }) != true {
                problems.append("\(setting.key): '\(value)' is not a whole number of at least 1")
            }
        }
        return problems
    }
}
