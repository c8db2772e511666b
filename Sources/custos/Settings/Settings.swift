import Configuration
import Foundation
import SystemPackage
import Yams

/// The settings in force: a YAML configuration file, read with swift-configuration, each value
/// overridden by its environment variable; a command's own options override both. Loaded once,
/// before the command line is parsed, from `--config FILE`, else `CUSTOS_CONFIG`, else
/// `/etc/custos/custos.yaml` when it exists.
struct Settings: Sendable {
    /// Where a value came from.
    enum Source: Equatable, CustomStringConvertible {
        case environment(String)
        case file(String)
        case defaultValue

        var description: String {
            switch self {
            case .environment(let name): "environment (\(name))"
            case .file(let path): "file (\(path))"
            case .defaultValue: "default"
            }
        }
    }

    /// The configuration file read, if any.
    let file: String?
    private let fileReader: ConfigReader?
    private let environmentReader: ConfigReader

    /// The file read when none is named.
    static let standardFile = "/etc/custos/custos.yaml"

    /// The settings of this process, loaded by `Custos.main` before parsing.
    nonisolated(unsafe) static var current = Settings(file: nil, fileReader: nil, environment: [:])

    private init(file: String?, fileReader: ConfigReader?, environment: [String: String]) {
        self.file = file
        self.fileReader = fileReader
        self.environmentReader = ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment))
    }

    /// Reads the file named by `arguments` (`--config FILE`) or the environment, and puts the
    /// values that deeper code reads from the environment (``Setting/readFromEnvironment``) there.
    static func load(arguments: [String], environment: [String: String]) async throws(SettingsError) -> Settings {
        let named = configOption(in: arguments) ?? environment["CUSTOS_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let path = named ?? (FileManager.default.fileExists(atPath: standardFile) ? standardFile : nil)
        var reader: ConfigReader?
        if let path {
            guard FileManager.default.fileExists(atPath: path) else {
                throw SettingsError("\(path): no such configuration file")
            }
            // Checked first, so that a mistake is named by its line without quoting the file,
            // which may hold a password.
            try checkKeys(file: path)
            do {
                reader = ConfigReader(provider: try await FileProvider<YAMLSnapshot>(filePath: FilePath(path)))
            } catch {
                throw SettingsError("\(path): cannot be read as a configuration (\(type(of: error)))")
            }
        }
        let settings = Settings(file: path, fileReader: reader, environment: environment)
        for setting in Setting.readFromEnvironment where environment[setting.environment] == nil {
            if let value = settings.fileValue(setting) { setenv(setting.environment, value, 1) }
        }
        return settings
    }

    /// The value of `setting`, from the environment or the file; nil when neither sets it.
    func value(_ setting: Setting) -> String? {
        environmentValue(setting) ?? fileValue(setting)
    }

    /// Where the value of `setting` comes from.
    func source(_ setting: Setting) -> Source {
        if environmentValue(setting) != nil { return .environment(setting.environment) }
        if let file, fileValue(setting) != nil { return .file(file) }
        return .defaultValue
    }

    /// How an error names where `setting`'s value came from: its option when the command line
    /// gave it, else the environment variable or the file's key, whichever set it.
    func origin(of setting: Setting, givenAsOption: Bool) -> String {
        if givenAsOption { return setting.flag ?? setting.key }
        return switch source(setting) {
        case .environment(let name): name
        case .file(let path): "\(setting.key) in \(path)"
        case .defaultValue: setting.flag ?? setting.key
        }
    }

    private func environmentValue(_ setting: Setting) -> String? {
        environmentReader.string(forKey: ConfigKey([setting.environment.lowercased()]), isSecret: setting.isSecret)
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file's value: a string, a number, a yes or no, or a list (joined with commas).
    private func fileValue(_ setting: Setting) -> String? {
        guard let fileReader else { return nil }
        let key = ConfigKey(setting.key)
        if let text = fileReader.string(forKey: key, isSecret: setting.isSecret) { return text.isEmpty ? nil : text }
        if let number = fileReader.int(forKey: key) { return String(number) }
        if let flag = fileReader.bool(forKey: key) { return String(flag) }
        if let list = fileReader.stringArray(forKey: key) { return list.joined(separator: ",") }
        return nil
    }

    /// Refuses a file with a key no setting has: a misspelt key would otherwise be ignored.
    private static func checkKeys(file: String) throws(SettingsError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SettingsError("\(file): cannot be read")
        }
        let known = Set(Setting.all.map(\.key))
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw SettingsError("\(file), line \(mark.line), column \(mark.column): not YAML (\(problem))")
            default:
                throw SettingsError("\(file): not YAML")
            }
        } catch {
            throw SettingsError("\(file): not YAML")
        }
        guard let root else { return }
        guard case .mapping(let sections) = root else {
            throw SettingsError("\(file): the configuration is a mapping of sections (server:, storage:, ...)")
        }
        for (name, section) in sections {
            let line = (name.mark?.line).map { ", line \($0)" } ?? ""
            guard case .mapping(let entries) = section,
                known.contains(where: { $0.hasPrefix((name.string ?? "") + ".") })
            else {
                throw SettingsError("\(file)\(line): '\(name.string ?? "")' is not a section of the configuration")
            }
            for (key, _) in entries where !known.contains("\(name.string ?? "").\(key.string ?? "")") {
                let line = (key.mark?.line).map { ", line \($0)" } ?? ""
                throw SettingsError("\(file)\(line): '\(name.string ?? "").\(key.string ?? "")' is not a setting")
            }
        }
    }

    /// The value of `--config FILE` or `--config=FILE` among `arguments`.
    static func configOption(in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
        }
        return nil
    }
}

/// A configuration file that cannot be used, naming the file, and the line where there is one.
struct SettingsError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
